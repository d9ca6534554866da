namespace Loyalty.Web.Features.Customers;

/// <summary>
/// The profile's numbers (SPEC §3, seeds 000 and 002): the account's points balance and what expires within 30 days,
/// and the customer's consumption. Points belong to the titular's account, so a dependent shows the titular's balance;
/// consumption is the customer's own purchases.
/// </summary>
public static class CustomerFigures
{
    public const int ExpiringWithinDays = 30;

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
    /// The points ledger, its lots and the purchases arrive with the points issue (SPEC §5); until then no account has
    /// an entry and no customer a purchase, so each source below answers "nothing yet". That issue replaces each body
    /// with its query (sum of the ledger; lots expiring by <paramref name="today"/> + 30 days in the tenant's zone;
    /// count/sum/min/max of purchases; count/max of redemptions) and <see cref="Figures.From"/> stays as it is.
    /// </summary>
    public sealed class Handler
    {
        public async Task<Figures> HandleAsync(Guid customerId, Guid accountHolderId, DateOnly today, CancellationToken cancellationToken)
        {
            var balance = await BalanceAsync(accountHolderId, cancellationToken);
            var expiring = await ExpiringAsync(accountHolderId, today.AddDays(ExpiringWithinDays), cancellationToken);
            var purchases = await PurchasesAsync(customerId, cancellationToken);
            var redemptions = await RedemptionsAsync(customerId, cancellationToken);
            return Figures.From(balance, expiring, purchases, redemptions);
        }

        private static Task<long> BalanceAsync(Guid accountHolderId, CancellationToken cancellationToken) =>
            Task.FromResult(0L);

        private static Task<long> ExpiringAsync(Guid accountHolderId, DateOnly until, CancellationToken cancellationToken) =>
            Task.FromResult(0L);

        private static Task<PurchaseTotals> PurchasesAsync(Guid customerId, CancellationToken cancellationToken) =>
            Task.FromResult(PurchaseTotals.None);

        private static Task<RedemptionTotals> RedemptionsAsync(Guid customerId, CancellationToken cancellationToken) =>
            Task.FromResult(RedemptionTotals.None);
    }
}
