using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.ApiKeys;

public static class ApiKeyList
{
    public sealed record Row(Guid Id, string Name, string DisplayPrefix, string? StoreCode, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public Task<List<Row>> HandleAsync(CancellationToken cancellationToken) =>
            db.ApiKeys.AsNoTracking()
                .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
                .Select(k => new Row(k.Id, k.Name, k.DisplayPrefix,
                    db.Stores.Where(s => s.Id == k.StoreId).Select(s => s.Code).FirstOrDefault(), k.CreatedAt, k.RevokedAt))
                .ToListAsync(cancellationToken);
    }
}

public static class RevokeApiKey
{
    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock)
    {
        /// <returns>False when no such key exists in the tenant.</returns>
        public async Task<bool> HandleAsync(Guid id, Guid? revokedBy, CancellationToken cancellationToken)
        {
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
            if (key is null)
            {
                return false;
            }
            key.Revoke(revokedBy, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
