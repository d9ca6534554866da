using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Tenants;

public static class TenantList
{
    public sealed record Row(Guid Id, string Code, string Name, string TimeZoneId, DateTimeOffset CreatedAt);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public Task<List<Row>> HandleAsync(CancellationToken cancellationToken) =>
            db.Tenants.AsNoTracking().OrderBy(t => t.Code)
                .Select(t => new Row(t.Id, t.Code, t.Name, t.TimeZoneId, t.CreatedAt))
                .ToListAsync(cancellationToken);
    }
}
