using Loyalty.Domain.Categories;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Categories;

public static class CategoryList
{
    public sealed record Row(Guid Id, string Name, string? Description, decimal Multiplier, int? ValidityDays,
        AuditParameter AuditParameter, bool IsActive, bool IsDefault, int Customers);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public Task<List<Row>> HandleAsync(CancellationToken cancellationToken) =>
            db.CustomerCategories.AsNoTracking()
                .OrderByDescending(c => c.IsDefault).ThenBy(c => c.Name)
                .Select(c => new Row(c.Id, c.Name, c.Description, c.Multiplier, c.ValidityDays, c.AuditParameter, c.IsActive,
                    c.IsDefault, db.Customers.Count(x => x.CategoryId == c.Id)))
                .ToListAsync(cancellationToken);
    }
}
