using System.Runtime.CompilerServices;
using Loyalty.Domain.Points;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers.Statement;

/// <summary>
/// The ledger entries of one account within a period, with what the statement shows beside each: the balance after it,
/// the purchase it came from (store, POS, coupon), the redemption, the reason and, for a credit, when its lot expires.
/// Every statement (screen, CSV, PDF, API) reads it; entries stream from the database one by one, so a long history
/// is never held in memory.
/// </summary>
public sealed class StatementLedger(LoyaltyDbContext db)
{
    public sealed record Line(
        long Id,
        DateTimeOffset OccurredAt,
        LedgerEntryKind Kind,
        long Points,
        long BalanceAfter,
        Guid? PurchaseId,
        Guid? RedemptionId,
        string? StoreCode,
        string? StoreName,
        string? PosNumber,
        string? CouponNumber,
        string? Reason,
        string Actor,
        DateTimeOffset? LotExpiresAt);

    /// <summary>The balance before <paramref name="instant"/>: the sum of every earlier entry.</summary>
    public async Task<long> BalanceBeforeAsync(Guid accountId, DateTimeOffset instant, CancellationToken cancellationToken) =>
        await db.LedgerEntries.Where(e => e.AccountId == accountId && e.OccurredAt < instant)
            .SumAsync(e => (long?)e.Points, cancellationToken) ?? 0;

    /// <summary>The entries from <paramref name="start"/> (included) to <paramref name="end"/> (excluded) in the order
    /// they happened, then as recorded; <paramref name="opening"/> is the balance before the first.</summary>
    public async IAsyncEnumerable<Line> LinesAsync(Guid accountId, DateTimeOffset start, DateTimeOffset end, long opening,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows =
            from e in db.LedgerEntries.AsNoTracking()
            where e.AccountId == accountId && e.OccurredAt >= start && e.OccurredAt < end
            join p in db.Purchases on e.PurchaseId equals p.Id into purchases
            from p in purchases.DefaultIfEmpty()
            join s in db.Stores on p.StoreId equals s.Id into stores
            from s in stores.DefaultIfEmpty()
            join lot in db.PointsLots on e.LotId equals lot.Id into lots
            from lot in lots.DefaultIfEmpty()
            orderby e.OccurredAt, e.Id
            select new
            {
                e.Id, e.OccurredAt, e.Kind, e.Points, e.PurchaseId, e.RedemptionId, e.Reason, e.Actor,
                StoreCode = s.Code, StoreName = s.Name, PosNumber = p.PosNumber, CouponNumber = p.CouponNumber,
                ExpiresAt = (DateTimeOffset?)lot.ExpiresAt,
            };
        var balance = opening;
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            balance += r.Points;
            yield return new Line(r.Id, r.OccurredAt, r.Kind, r.Points, balance, r.PurchaseId, r.RedemptionId, r.StoreCode,
                r.StoreName, r.PosNumber, r.CouponNumber, r.Reason, r.Actor, r.ExpiresAt);
        }
    }
}
