using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Points;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// "Extrato Geral" (SPEC §3): every point operation of the customer's account within a period, read from the ledger,
/// with the balance after each one (the current balance is <see cref="CustomerFigures"/>'). The period is in the
/// tenant's calendar; without one it is the last 30 days. Entries are in the order they happened (then as recorded).
/// </summary>
public static class CustomerStatement
{
    public const int DefaultDays = 30;

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

    /// <param name="Actor">Who made it: the user, the POS key or the job.</param>
    /// <param name="Balance">The account's balance after this entry.</param>
    public sealed record Entry(DateTimeOffset At, Operation Operation, string? Store, string? Description, long Points, string Actor, long Balance);

    public sealed record Model(Period Period, DateOnly From, DateOnly To, List<Entry> Entries, bool PeriodInvalid, bool Truncated = false);

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

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<Model> HandleAsync(Guid accountHolderId, Period period, DateOnly today, TimeZoneInfo zone,
            CancellationToken cancellationToken)
        {
            var to = period.To ?? today;
            var from = period.From ?? to.AddDays(-DefaultDays);
            if (from > to)
            {
                return new Model(period, from, to, [], true);
            }
            var start = PointsExpiry.StartOfDay(from, zone);
            var end = PointsExpiry.StartOfDay(to.AddDays(1), zone);
            var account = db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountHolderId);
            var opening = await account.Where(e => e.OccurredAt < start).SumAsync(e => (long?)e.Points, cancellationToken) ?? 0;
            var rows = await account.Where(e => e.OccurredAt >= start && e.OccurredAt < end)
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(MaxEntries + 1)
                .Select(e => new { e.OccurredAt, e.Kind, e.Reason, e.Points, e.Actor }).ToListAsync(cancellationToken);
            var balance = opening;
            var entries = rows.Take(MaxEntries).Select(e =>
            {
                balance += e.Points;
                // Purchases (and their store) arrive with the purchases feature; until then only adjustments describe themselves.
                return new Entry(e.OccurredAt, OperationOf(e.Kind), null, e.Reason, e.Points, e.Actor, balance);
            }).ToList();
            return new Model(period, from, to, entries, false, rows.Count > MaxEntries);
        }
    }
}
