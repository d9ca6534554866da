using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// Earns a recorded purchase's points inside the caller's transaction (SPEC §5 steps 1, 3, 4): base points at the
/// tenant's rate, the category's multiplier, then the audit parameter — credited through the ledger, or left waiting in
/// the audit queue with the reasons. The antifraud rules read the card's day with aggregates, never its history.
/// </summary>
public sealed class PurchaseEarning(LoyaltyDbContext db, PointsLedger ledger)
{
    /// <summary>Answers the balance of the account the points belong to (the titular's).</summary>
    public async Task<long> EarnAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == purchase.CustomerId)
            .Join(db.CustomerCategories.AsNoTracking(), c => c.CategoryId, k => k.Id, (c, k) => new { AccountId = c.TitularId ?? c.Id, Category = k })
            .SingleAsync(cancellationToken);
        var settings = await db.ProgramSettings.AsNoTracking().SingleAsync(cancellationToken);
        var points = customer.Category.ApplyMultiplier(Earning.BasePoints(purchase.TotalAmount, settings.PointsPerReal));
        var rules = customer.Category.EffectiveRules(settings.DefaultRules);
        var day = rules is null || rules.IsEmpty || points == 0 ? CardDay.Empty : await CardDayAsync(purchase, rules.MinMinutesBetweenPurchases, tenantId, cancellationToken);
        var (status, reasons) = Earning.Decide(points, rules, purchase.TotalAmount, day, purchase.OccurredAt);
        purchase.Earn(points, status, reasons);
        if (status == PointsStatus.Credited)
        {
            var holder = new PointsLedger.Holder(purchase.CustomerId, customer.AccountId, customer.Category.ValidityDays);
            await ledger.CreditAsync(holder, points, purchase.OccurredAt, new PointsLedger.Reference(PurchaseId: purchase.Id), cancellationToken);
        }
        return await BalanceAsync(customer.AccountId, cancellationToken);
    }

    public async Task<long> BalanceAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.PointsAccounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => (long?)a.Balance)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>The card's other live purchases of the purchase's local day, and the nearest one in time. Two purchases
    /// of one card at once queue on a transaction-scoped advisory lock, so the second counts the first.</summary>
    private async Task<CardDay> CardDayAsync(Purchase purchase, int? minMinutes, Guid tenantId, CancellationToken cancellationToken)
    {
        var key = purchase.CustomerId.ToString();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        var zoneId = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZoneId).SingleAsync(cancellationToken);
        var (start, end) = Antifraud.LocalDay(purchase.OccurredAt, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        var others = db.Purchases.AsNoTracking()
            .Where(p => p.CustomerId == purchase.CustomerId && p.Id != purchase.Id && p.CancelledAt == null);
        var today = await others.Where(p => p.OccurredAt >= start && p.OccurredAt < end)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                AtStore = g.Count(p => p.StoreId == purchase.StoreId),
                Points = g.Sum(p => p.PointsStatus == PointsStatus.Credited || p.PointsStatus == PointsStatus.PendingAudit ? p.PointsEarned : 0),
            })
            .SingleOrDefaultAsync(cancellationToken);
        DateTimeOffset? nearest = null;
        if (minMinutes is { } minutes)
        {
            var window = TimeSpan.FromMinutes(minutes);
            var (from, to) = (purchase.OccurredAt - window, purchase.OccurredAt + window);
            nearest = await others.Where(p => p.OccurredAt > from && p.OccurredAt < to)
                .Select(p => (DateTimeOffset?)p.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        }
        return new CardDay(today?.Count ?? 0, today?.AtStore ?? 0, today?.Points ?? 0, nearest);
    }
}
