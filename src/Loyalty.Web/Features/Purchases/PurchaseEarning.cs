using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// Earns a recorded purchase's points inside the caller's transaction (SPEC §5): base points from the store's concessions
/// (else the tenant's rate) and the periodic campaigns' bonuses (<see cref="CampaignEarning"/>, rules cached per tenant),
/// the category's multiplier, then the audit parameter — credited through the ledger, or left waiting in the audit queue
/// with the reasons. Gifts due are issued as vouchers and discounts answered to the POS. The antifraud rules read the
/// card's day with aggregates and the frequency/threshold rules their running totals, never the customer's history.
/// </summary>
public sealed class PurchaseEarning(LoyaltyDbContext db, PointsLedger ledger, CampaignRules campaignRules, TimeProvider clock)
{
    /// <summary>What the purchase earned besides points, and the balance of the account they went to (the titular's).</summary>
    public sealed record Earned(long Balance, IReadOnlyList<DiscountGiven> Discounts, IReadOnlyList<IssuedGift> Gifts);

    public sealed record IssuedGift(Guid VoucherId, Guid CampaignId, string? ProductCode, string? Description, int Quantity);

    public async Task<Earned> EarnAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == purchase.CustomerId)
            .Join(db.CustomerCategories.AsNoTracking(), c => c.CategoryId, k => k.Id, (c, k) => new { AccountId = c.TitularId ?? c.Id, Category = k })
            .SingleAsync(cancellationToken);
        var settings = await db.ProgramSettings.AsNoTracking().SingleAsync(cancellationToken);
        var zone = await ZoneAsync(tenantId, cancellationToken);
        var rules = await campaignRules.ForAsync(db, settings.PointsPerReal, cancellationToken);
        var facts = new PurchaseFacts(purchase.StoreId, TimeZoneInfo.ConvertTime(purchase.OccurredAt, zone).DateTime, customer.Category.Id,
            purchase.TotalAmount, await ItemsAsync(purchase, rules, cancellationToken));
        var plan = CampaignEarning.Plan(rules, facts);
        var totals = await CampaignProgressStore.AdvanceAsync(db, customer.AccountId, plan.Progress, cancellationToken);
        var awards = CampaignEarning.Award(rules, plan, totals);
        await CampaignProgressStore.MarkAwardedAsync(db, customer.AccountId, awards, clock.GetUtcNow(), cancellationToken);

        var points = customer.Category.ApplyMultiplier(plan.PointsBeforeAwards + awards.Sum(a => a.Points));
        var antifraud = customer.Category.EffectiveRules(settings.DefaultRules);
        var day = antifraud is null || antifraud.IsEmpty || points == 0 ? CardDay.Empty
            : await CardDayAsync(purchase, antifraud.MinMinutesBetweenPurchases, zone, cancellationToken);
        var (status, reasons) = Earning.Decide(points, antifraud, purchase.TotalAmount, day, purchase.OccurredAt);
        purchase.Earn(points, status, reasons);
        var gifts = IssueGifts(purchase, customer.AccountId, plan.Gifts, rules);
        if (status == PointsStatus.Credited)
        {
            var holder = new PointsLedger.Holder(purchase.CustomerId, customer.AccountId, customer.Category.ValidityDays);
            await ledger.CreditAsync(holder, points, purchase.OccurredAt, new PointsLedger.Reference(PurchaseId: purchase.Id), cancellationToken);
        }
        return new Earned(await BalanceAsync(customer.AccountId, cancellationToken), plan.Discounts, gifts);
    }

    /// <summary>The items as earning sees them; their products' departments and sections are read only when a
    /// concession could use them, in one query for all the coupon's codes.</summary>
    private async Task<IReadOnlyList<ItemFacts>> ItemsAsync(Purchase purchase, CampaignRuleSet rules, CancellationToken cancellationToken)
    {
        if (!rules.HasConcessions)
        {
            return [.. purchase.Items.Select(i => new ItemFacts(i.ProductCode, i.Quantity, i.TotalPrice))];
        }
        var codes = purchase.Items.Select(i => i.ProductCode).Distinct().ToList();
        var catalogue = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => new { p.DepartmentId, p.SectionId }, cancellationToken);
        return [.. purchase.Items.Select(i => catalogue.TryGetValue(i.ProductCode, out var product)
            ? new ItemFacts(i.ProductCode, i.Quantity, i.TotalPrice, product.DepartmentId, product.SectionId)
            : new ItemFacts(i.ProductCode, i.Quantity, i.TotalPrice))];
    }

    /// <summary>Saved with the purchase by the caller's SaveChanges.</summary>
    private List<IssuedGift> IssueGifts(Purchase purchase, Guid accountId, IReadOnlyList<GiftDue> gifts, CampaignRuleSet rules)
    {
        var issued = new List<IssuedGift>(gifts.Count);
        foreach (var gift in gifts)
        {
            var voucher = GiftVoucher.Issue(gift.Rule, purchase.Id, purchase.CustomerId, accountId, gift.Quantity, clock.GetUtcNow());
            db.GiftVouchers.Add(voucher);
            issued.Add(new IssuedGift(voucher.Id, voucher.CampaignId, rules.CodeOf(gift.Rule.GiftProductId), rules.DescriptionOf(gift.Rule.GiftProductId), gift.Quantity));
        }
        return issued;
    }

    public async Task<long> BalanceAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.PointsAccounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => (long?)a.Balance)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>The card's other live purchases of the purchase's local day, and the nearest one in time. Two purchases
    /// of one card at once queue on a transaction-scoped advisory lock, so the second counts the first.</summary>
    private async Task<CardDay> CardDayAsync(Purchase purchase, int? minMinutes, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var key = purchase.CustomerId.ToString();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        var (start, end) = Antifraud.LocalDay(purchase.OccurredAt, zone);
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

    private async Task<TimeZoneInfo> ZoneAsync(Guid tenantId, CancellationToken cancellationToken) =>
        TimeZoneInfo.FindSystemTimeZoneById(
            await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZoneId).SingleAsync(cancellationToken));
}
