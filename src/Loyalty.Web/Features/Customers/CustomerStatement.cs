using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Points;
using Loyalty.Web.Features.Customers.Statement;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// "Extrato Geral" (SPEC §3): every point operation of the customer's account within a period, read from the ledger,
/// newest first as a bank statement, with the balance after each one (the current balance is <see cref="CustomerFigures"/>'). The period is in the
/// tenant's calendar (<see cref="StatementPeriod"/>: the last 90 days by default). The same period downloads as CSV and
/// PDF (<see cref="CustomerStatementController"/>).
/// </summary>
public static class CustomerStatement
{
    /// <summary>A longer period shows its first entries and asks for a shorter one (the PDF/CSV export has them all).</summary>
    public const int MaxEntries = 500;

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

    /// <param name="Store">The store of the operation (the purchase's or the redemption's).</param>
    /// <param name="Actor">Who made it: the staff user's name, or "Sistema" for a job, a command or the API.</param>
    /// <param name="Balance">The account's balance after this entry.</param>
    public sealed record Entry(DateTimeOffset At, Operation Operation, string? Store, string? Description, long Points, string Actor, long Balance);

    public sealed record Model(Period Period, DateOnly From, DateOnly To, List<Entry> Entries, bool PeriodInvalid, bool Truncated = false)
    {
        /// <summary>Set for a dependent: the statement is the titular's account's.</summary>
        public TitularAccount? Titular { get; init; }
    }

    public static Operation OperationOf(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Accrual => Operation.Accrual,
        LedgerEntryKind.Redemption => Operation.Redemption,
        LedgerEntryKind.RedemptionCancellation => Operation.RedemptionCancellation,
        LedgerEntryKind.Expiry => Operation.Expiry,
        LedgerEntryKind.PurchaseCancellation => Operation.PurchaseCancellation,
        LedgerEntryKind.Return => Operation.Return,
        LedgerEntryKind.ManualAdjustment => Operation.Adjustment,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public sealed class Handler(StatementLedger ledger, IStringLocalizer<SharedResource> l)
    {
        public async Task<Model> HandleAsync(Guid accountHolderId, Period period, DateOnly today, TimeZoneInfo zone,
            CancellationToken cancellationToken)
        {
            if (StatementPeriod.Resolve(period.From, period.To, today) is not { } resolved)
            {
                return new Model(period, period.From ?? today, period.To ?? today, [], true);
            }
            var start = resolved.Start(zone);
            var closing = await ledger.BalanceBeforeAsync(accountHolderId, resolved.End(zone), cancellationToken);
            var entries = new List<Entry>();
            var truncated = false;
            await foreach (var line in ledger.NewestFirstAsync(accountHolderId, start, resolved.End(zone), closing, cancellationToken))
            {
                if (entries.Count == MaxEntries)
                {
                    truncated = true;
                    break;
                }
                entries.Add(new Entry(line.OccurredAt, OperationOf(line.Kind), line.Store,
                    NullIfEmpty(StatementReference.Describe(line, l, withStore: false)), line.Points, line.By ?? l["Statement.System"], line.BalanceAfter));
            }
            return new Model(period, resolved.From, resolved.To, entries, false, truncated);
        }

        private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
    }
}
