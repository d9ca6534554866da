using Loyalty.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Points;

public sealed partial class PointsLedger
{
    /// <summary>Accounts whose due lots are expired in one transaction: small enough that a purchase waiting on one of
    /// them waits briefly, large enough not to pay a transaction per account.</summary>
    public const int ExpiryBatchSize = 100;

    public sealed record ExpiryResult(long Points, int Lots);

    /// <summary>
    /// The expiry job (SPEC §5): what is left of every lot of the tenant whose expiry is at or before <paramref name="now"/>
    /// becomes an expiry entry dated at the lot's expiry. Accounts are locked in id order and their lots read after the
    /// lock, so a second run, or a second server running at the same moment, finds those lots empty and expires nothing
    /// twice.
    /// </summary>
    public async Task<ExpiryResult> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The partial index ix_points_lots_open_by_expiry (tenant_id, expires_at) WHERE remaining > 0 answers this.
        var accountIds = await db.PointsLots.AsNoTracking().Where(l => l.Remaining > 0 && l.ExpiresAt <= now)
            .Select(l => l.AccountId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        var total = new ExpiryResult(0, 0);
        foreach (var batch in accountIds.Chunk(ExpiryBatchSize))
        {
            var result = await ExpireBatchAsync(batch, now, cancellationToken);
            total = new ExpiryResult(total.Points + result.Points, total.Lots + result.Lots);
        }
        return total;
    }

    private async Task<ExpiryResult> ExpireBatchAsync(Guid[] accountIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            ForgetLedgerRows();
            await LockAsync(accountIds, cancellationToken);
            var accounts = await LoadAsync(db.PointsAccounts.Where(a => accountIds.Contains(a.Id)), cancellationToken);
            var lots = await LoadAsync(db.PointsLots.Where(l => accountIds.Contains(l.AccountId) && l.Remaining > 0 && l.ExpiresAt <= now),
                cancellationToken);
            var expired = lots.ToDictionary(l => l.Id, l => l.Remaining);
            foreach (var account in accounts)
            {
                ExpireDue(account, lots.Where(l => l.AccountId == account.Id), now);
            }
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return new ExpiryResult(expired.Values.Sum(), expired.Count);
        }
        finally
        {
            ForgetLedgerRows();
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }
}
