using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// The row locks that keep a prize's stock right when cashiers take and return it at once. Always taken in id order
/// and before the account's lock (the ledger takes that one), so two counter operations wait for each other instead
/// of deadlocking.
/// </summary>
internal static class PrizeLocks
{
    /// <summary>Locks the prizes and reads them after the lock (so the stock is the committed one), tracked for change.</summary>
    public static async Task<Dictionary<Guid, Prize>> LockAsync(LoyaltyDbContext db, Guid[] prizeIds, CancellationToken cancellationToken)
    {
        var ids = prizeIds.Distinct().Order().ToArray();
        await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM campaign_prizes WHERE id = ANY({ids}) ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);
        return await db.Prizes.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }
}
