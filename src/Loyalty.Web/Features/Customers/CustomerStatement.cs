using System.ComponentModel.DataAnnotations;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// "Extrato Geral" (SPEC §3): every point operation of the customer's account within a period (the current balance is
/// <see cref="CustomerFigures"/>'). The period is in the tenant's calendar; without one it is the last 30 days.
/// </summary>
public static class CustomerStatement
{
    public const int DefaultDays = 30;

    public sealed class Period
    {
        [Display(Name = "Statement.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Statement.To")]
        public DateOnly? To { get; set; }
    }

    /// <summary>The kinds of ledger entry of SPEC §5, as the statement names them.</summary>
    public enum Operation
    {
        Accrual,
        Redemption,
        RedemptionCancellation,
        Expiry,
        PurchaseCancellation,
        Return,
        Adjustment,
    }

    public sealed record Entry(DateTimeOffset At, Operation Operation, string? Store, string? Description, long Points);

    public sealed record Model(Period Period, DateOnly From, DateOnly To, List<Entry> Entries, bool PeriodInvalid);

    public sealed class Handler
    {
        public async Task<Model> HandleAsync(Guid accountHolderId, Period period, DateOnly today, CancellationToken cancellationToken)
        {
            var to = period.To ?? today;
            var from = period.From ?? to.AddDays(-DefaultDays);
            var invalid = from > to;
            var entries = invalid ? [] : await EntriesAsync(accountHolderId, from, to, cancellationToken);
            return new Model(period, from, to, entries, invalid);
        }

        // The points ledger arrives with the points issue (SPEC §5): until then an account has no entry. That issue
        // reads its entries of the account between the start of `from` and the end of `to` in the tenant's zone here.
        private static Task<List<Entry>> EntriesAsync(Guid accountHolderId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            Task.FromResult(new List<Entry>());
    }
}
