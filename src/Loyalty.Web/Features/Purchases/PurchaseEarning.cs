using Loyalty.Domain.Categories;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// Earns a recorded purchase's points (SPEC §5 steps 1, 3, 4): base points at the tenant's rate, the category's
/// multiplier, then the audit parameter — an accrual for the ledger, or left waiting in the audit queue with the
/// reasons. Its inputs are explicit: the tenant's <see cref="EarningRules"/> snapshot, the purchase, the holder's
/// category and account; the card's day is read only when an antifraud rule needs it (aggregates, never history).
/// </summary>
public sealed class PurchaseEarning(AuditActor actor, TimeProvider clock)
{
    /// <summary>Reads the card's day for the rules that need it (<see cref="PurchaseStore.CardDayAsync"/>).</summary>
    public delegate Task<CardDay> CardDayReader(AntifraudRules rules, CancellationToken cancellationToken);

    /// <summary>Sets the purchase's points and status; answers the ledger's accrual when they are credited, to be written
    /// with the purchase. <paramref name="lockedAccount"/> is the titular's account, read under its row lock.</summary>
    public async Task<PointsLedger.Accrual?> EarnAsync(Purchase purchase, EarningRules rules, CustomerCategory category,
        PointsAccount lockedAccount, CardDayReader cardDay, CancellationToken cancellationToken)
    {
        var points = Earning.Points(rules, category, purchase);
        var antifraud = category.EffectiveRules(rules.DefaultRules);
        var day = Earning.NeedsCardDay(points, antifraud) ? await cardDay(antifraud!, cancellationToken) : CardDay.Empty;
        var (status, reasons) = Earning.Decide(points, antifraud, purchase.TotalAmount, day, purchase.OccurredAt);
        purchase.Earn(points, status, reasons);
        if (status != PointsStatus.Credited)
        {
            return null;
        }
        var holder = new PointsLedger.Holder(purchase.CustomerId, lockedAccount.Id, category.ValidityDays);
        var source = new LedgerSource(lockedAccount.Id, actor.Name, actor.UserId, PurchaseId: purchase.Id);
        return PointsLedger.AccrualFor(lockedAccount, holder, points, purchase.OccurredAt, source, clock.GetUtcNow(), rules.Zone);
    }
}
