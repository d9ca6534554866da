using Loyalty.Domain.Points;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// The profile's numbers (SPEC §3, seeds 000 and 002): the account's points balance and what expires within 30 days,
/// and the customer's consumption. Points belong to the titular's account, so a dependent shows the titular's balance;
/// consumption is the customer's own purchases.
/// </summary>
public static class CustomerFigures
{
    public const int ExpiringWithinDays = AccountPoints.ExpiringWithinDays;

    /// <summary>What the purchases table answers for one customer in one aggregate query.</summary>
    public sealed record PurchaseTotals(int Count, decimal Total, DateOnly? First, DateOnly? Last)
    {
        public static PurchaseTotals None { get; } = new(0, 0m, null, null);
    }

    public sealed record RedemptionTotals(int Count, DateOnly? Last)
    {
        public static RedemptionTotals None { get; } = new(0, null);
    }

    public sealed record Figures(long Balance, long ExpiringSoon, decimal AverageTicket, decimal TotalSpent, int Purchases,
        int Redemptions, DateOnly? LastPurchase, DateOnly? LastRedemption, decimal? AverageDaysBetweenPurchases)
    {
        /// <summary>Average ticket = total ÷ purchases; average days between purchases = days from first to last ÷ gaps.</summary>
        public static Figures From(long balance, long expiringSoon, PurchaseTotals purchases, RedemptionTotals redemptions) => new(
            balance,
            expiringSoon,
            purchases.Count == 0 ? 0m : decimal.Round(purchases.Total / purchases.Count, 2, MidpointRounding.AwayFromZero),
            purchases.Total,
            purchases.Count,
            redemptions.Count,
            purchases.Last,
            redemptions.Last,
            purchases is { Count: > 1, First: { } first, Last: { } last }
                ? decimal.Round((decimal)(last.DayNumber - first.DayNumber) / (purchases.Count - 1), 1, MidpointRounding.AwayFromZero)
                : null);
    }

    /// <summary>
    /// Points from the titular's account (<see cref="AccountPoints"/>), redemptions from the ledger, consumption from the
    /// customer's own purchases (a dependent's purchases are the dependent's consumption, their points the titular's).
    /// </summary>
    public sealed class Handler(LoyaltyDbContext db, AccountPoints points)
    {
        public async Task<Figures> HandleAsync(Guid customerId, Guid accountHolderId, TimeZoneInfo zone, CancellationToken cancellationToken)
        {
            var account = await points.ReadAsync(accountHolderId, cancellationToken);
            var purchases = await PurchasesAsync(customerId, zone, cancellationToken);
            var redemptions = await RedemptionsAsync(customerId, zone, cancellationToken);
            return Figures.From(account.Balance, account.ExpiringSoon, purchases, redemptions);
        }

        /// <summary>Purchases not cancelled, net of what was returned; one aggregate over the (tenant, customer, time) index.</summary>
        private async Task<PurchaseTotals> PurchasesAsync(Guid customerId, TimeZoneInfo zone, CancellationToken cancellationToken)
        {
            var totals = await db.Purchases.AsNoTracking()
                .Where(p => p.CustomerId == customerId && p.CancelledAt == null)
                .GroupBy(_ => 1)
                .Select(g => new { Count = g.Count(), Total = g.Sum(p => p.TotalAmount - p.ReturnedAmount), First = g.Min(p => p.OccurredAt), Last = g.Max(p => p.OccurredAt) })
                .SingleOrDefaultAsync(cancellationToken);
            return totals is null ? PurchaseTotals.None
                : new PurchaseTotals(totals.Count, totals.Total, LocalDay(totals.First, zone), LocalDay(totals.Last, zone));
        }

        private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

        /// <summary>The customer's own redemptions (a dependent's at the counter count for the dependent), cancelled ones left out.</summary>
        private async Task<RedemptionTotals> RedemptionsAsync(Guid customerId, TimeZoneInfo zone, CancellationToken cancellationToken)
        {
            var redemptions = db.LedgerEntries.AsNoTracking()
                .Where(e => e.CustomerId == customerId && e.Kind == LedgerEntryKind.Redemption
                            && !db.LedgerEntries.Any(c => c.RedemptionId == e.RedemptionId && c.Kind == LedgerEntryKind.RedemptionCancellation));
            var totals = await redemptions.GroupBy(_ => 1)
                .Select(g => new { Count = g.Count(), Last = g.Max(e => e.OccurredAt) }).SingleOrDefaultAsync(cancellationToken);
            return totals is null ? RedemptionTotals.None
                : new RedemptionTotals(totals.Count, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(totals.Last, zone).DateTime));
        }
    }
}
