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
    /// <param name="StoreCode">The purchase's store (what the reference names); see <paramref name="Store"/> for the operation's.</param>
    /// <param name="Actor">As recorded: the user's e-mail, the POS key, the job or the command.</param>
    /// <param name="Store">The store of the operation — the purchase's or the redemption's — as "code — name"; null when none.</param>
    /// <param name="By">The staff user's name when a user made it; null when the system did (a job, a command, the API).</param>
    /// <param name="RedemptionNumber">The redemption's number people read (RES-…); its cancellation's is <paramref name="CancellationNumber"/>.</param>
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
        DateTimeOffset? LotExpiresAt,
        string? Store = null,
        string? By = null,
        long? RedemptionNumber = null,
        long? CancellationNumber = null);

    /// <summary>The balance before <paramref name="instant"/>: the sum of every earlier entry.</summary>
    public async Task<long> BalanceBeforeAsync(Guid accountId, DateTimeOffset instant, CancellationToken cancellationToken) =>
        await db.LedgerEntries.Where(e => e.AccountId == accountId && e.OccurredAt < instant)
            .SumAsync(e => (long?)e.Points, cancellationToken) ?? 0;

    /// <summary>The entries from <paramref name="start"/> (included) to <paramref name="end"/> (excluded) in the order
    /// they happened, then as recorded; <paramref name="opening"/> is the balance before the first.</summary>
    public async IAsyncEnumerable<Line> LinesAsync(Guid accountId, DateTimeOffset start, DateTimeOffset end, long opening,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var balance = opening;
        await foreach (var r in Rows(accountId, start, end).OrderBy(r => r.OccurredAt).ThenBy(r => r.Id)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            balance += r.Points;
            yield return r.ToLine(balance);
        }
    }

    /// <summary>The same entries newest first, as a bank statement reads (screen, CSV, PDF); <paramref name="closing"/> is
    /// the balance at <paramref name="end"/>, so each row still shows the balance right after it.</summary>
    public async IAsyncEnumerable<Line> NewestFirstAsync(Guid accountId, DateTimeOffset start, DateTimeOffset end, long closing,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var balance = closing;
        await foreach (var r in Rows(accountId, start, end).OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return r.ToLine(balance);
            balance -= r.Points;
        }
    }

    private IQueryable<Row> Rows(Guid accountId, DateTimeOffset start, DateTimeOffset end) =>
        from e in db.LedgerEntries.AsNoTracking()
        where e.AccountId == accountId && e.OccurredAt >= start && e.OccurredAt < end
        join p in db.Purchases on e.PurchaseId equals p.Id into purchases
        from p in purchases.DefaultIfEmpty()
        join s in db.Stores on p.StoreId equals s.Id into stores
        from s in stores.DefaultIfEmpty()
        join r in db.Redemptions on e.RedemptionId equals r.Id into redemptions
        from r in redemptions.DefaultIfEmpty()
        join rs in db.Stores on r.StoreId equals rs.Id into redemptionStores
        from rs in redemptionStores.DefaultIfEmpty()
        join lot in db.PointsLots on e.LotId equals lot.Id into lots
        from lot in lots.DefaultIfEmpty()
        join u in db.Users on e.UserId equals u.Id into users
        from u in users.DefaultIfEmpty()
        select new Row
        {
            Id = e.Id, OccurredAt = e.OccurredAt, Kind = e.Kind, Points = e.Points, PurchaseId = e.PurchaseId, RedemptionId = e.RedemptionId,
            Reason = e.Reason, Actor = e.Actor,
            StoreCode = s.Code, StoreName = s.Name, PosNumber = p.PosNumber, CouponNumber = p.CouponNumber,
            ExpiresAt = (DateTimeOffset?)lot.ExpiresAt,
            Store = s != null ? s.Code + " — " + s.Name : rs != null ? rs.Code + " — " + rs.Name : null,
            By = u.FullName,
            RedemptionNumber = (long?)r.Number,
            CancellationNumber = r.CancellationNumber,
        };

    private sealed class Row
    {
        public long Id { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public LedgerEntryKind Kind { get; init; }
        public long Points { get; init; }
        public Guid? PurchaseId { get; init; }
        public Guid? RedemptionId { get; init; }
        public string? Reason { get; init; }
        public string Actor { get; init; } = "";
        public string? StoreCode { get; init; }
        public string? StoreName { get; init; }
        public string? PosNumber { get; init; }
        public string? CouponNumber { get; init; }
        public DateTimeOffset? ExpiresAt { get; init; }
        public string? Store { get; init; }
        public string? By { get; init; }
        public long? RedemptionNumber { get; init; }
        public long? CancellationNumber { get; init; }

        public Line ToLine(long balanceAfter) => new(Id, OccurredAt, Kind, Points, balanceAfter, PurchaseId, RedemptionId, StoreCode, StoreName,
            PosNumber, CouponNumber, Reason, Actor, ExpiresAt, Store, string.IsNullOrWhiteSpace(By) ? null : By, RedemptionNumber, CancellationNumber);
    }
}
