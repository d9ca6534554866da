using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Stores;

public static class StoreList
{
    public sealed record Row(Guid Id, string Code, string Name, bool IsActive, int UserCount);

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope)
    {
        public Task<List<Row>> HandleAsync(CancellationToken cancellationToken) =>
            scope.Apply(db.Stores.AsNoTracking())
                .OrderBy(s => s.Code)
                .Select(s => new Row(s.Id, s.Code, s.Name, s.IsActive,
                    db.StaffUserStores.Count(u => u.StoreId == s.Id)))
                .ToListAsync(cancellationToken);
    }
}
