using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// Earns a recorded purchase's points (SPEC §5): steps 1–2 from the tenant's campaigns (<see cref="CampaignEarning"/>:
/// concessions else the tenant's rate, periodic bonuses, once-only awards), step 3 the category's multiplier, step 4 the
/// audit parameter — an accrual for the ledger, or left waiting in the audit queue with the reasons. Its inputs are
/// explicit: the tenant's cached <see cref="EarningRules"/>, the purchase, the holder's category and locked account. It
/// reads only what the rules need, through the purchase's store: the products' departments when a concession could use
/// them, the running totals of frequency and threshold rules, the card's day when an antifraud rule could break —
/// aggregates and counters, never the customer's history.
/// </summary>
public sealed class PurchaseEarning(AuditActor actor, TimeProvider clock)
{
    /// <summary>What the purchase earned: the accrual to write (when credited), the discounts to answer and the gift
    /// vouchers to write and answer.</summary>
    public sealed record Earned(Accrual? Accrual, IReadOnlyList<DiscountGiven> Discounts, IReadOnlyList<GiftVoucher> Vouchers,
        IReadOnlyList<IssuedGift> Gifts, IReadOnlyList<PurchaseStore.ProgressAdvance> Progress)
    {
        /// <summary>A purchase that may not earn (its card or customer): it keeps the status it was recorded with, none.</summary>
        public static Earned Nothing { get; } = new(null, [], [], [], []);
    }

    /// <summary>A gift voucher as the POS is told of it.</summary>
    public sealed record IssuedGift(Guid VoucherId, Guid CampaignId, string? ProductCode, string? Description, int Quantity);

    /// <summary>Sets the purchase's points and status. <paramref name="lockedAccount"/> is the titular's account, read
    /// under its row lock in <paramref name="store"/>'s open transaction.</summary>
    public async Task<Earned> EarnAsync(Purchase purchase, EarningRules rules, CustomerCategory category,
        PointsAccount lockedAccount, PurchaseStore store, CancellationToken cancellationToken)
    {
        var facts = new PurchaseFacts(purchase.StoreId, TimeZoneInfo.ConvertTime(purchase.OccurredAt, rules.Zone).DateTime, category.Id,
            purchase.TotalAmount, await ItemsAsync(purchase, rules.Campaigns, store, cancellationToken));
        var plan = CampaignEarning.Plan(rules.Campaigns, facts);
        var before = plan.Progress.Count == 0 ? null
            : await store.ProgressAsync(lockedAccount.Id, [.. plan.Progress.Select(s => s.Key)], cancellationToken);
        var totals = plan.Progress.Select(s => ProgressTotals.After(before?.GetValueOrDefault(s.Key), s)).ToList();
        var awards = CampaignEarning.Award(rules.Campaigns, plan, totals);
        var now = clock.GetUtcNow();
        var progress = plan.Progress.Select(s => new PurchaseStore.ProgressAdvance(s, awards.Any(a => a.Step == s) ? now : null)).ToList();

        var points = Earning.Points(category, plan, awards);
        var antifraud = category.EffectiveRules(rules.DefaultRules);
        var day = Earning.NeedsCardDay(points, antifraud) ? await CardDayAsync(store, purchase, antifraud!, rules.Zone, cancellationToken) : CardDay.Empty;
        var (status, reasons) = Earning.Decide(points, antifraud, purchase.TotalAmount, day, purchase.OccurredAt);
        purchase.Earn(points, status, reasons);

        var vouchers = plan.Gifts.Select(g => GiftVoucher.Issue(g.Rule, purchase.Id, purchase.CustomerId, lockedAccount.Id, g.Quantity, now)).ToList();
        var gifts = vouchers.Select(v => new IssuedGift(v.Id, v.CampaignId, rules.Campaigns.CodeOf(v.GiftProductId),
            rules.Campaigns.DescriptionOf(v.GiftProductId), v.Quantity)).ToList();
        if (status != PointsStatus.Credited)
        {
            return new Earned(null, plan.Discounts, vouchers, gifts, progress);
        }
        var source = new LedgerSource(lockedAccount.Id, actor.Name, actor.UserId, PurchaseId: purchase.Id);
        var accrual = Accrual.For(lockedAccount, purchase.CustomerId, category.ValidityDays, points, purchase.OccurredAt, source, now, rules.Zone);
        return new Earned(accrual, plan.Discounts, vouchers, gifts, progress);
    }

    /// <summary>The items as earning sees them; departments and sections are read only when a concession could use them.</summary>
    private static async Task<IReadOnlyList<ItemFacts>> ItemsAsync(Purchase purchase, CampaignRuleSet campaigns, PurchaseStore store,
        CancellationToken cancellationToken)
    {
        if (!campaigns.HasConcessions)
        {
            return [.. purchase.Items.Select(i => new ItemFacts(i.ProductCode, i.Quantity, i.TotalPrice))];
        }
        var catalogue = await store.CatalogueAsync([.. purchase.Items.Select(i => i.ProductCode).Distinct()], cancellationToken);
        return [.. purchase.Items.Select(i => catalogue.TryGetValue(i.ProductCode, out var product)
            ? new ItemFacts(i.ProductCode, i.Quantity, i.TotalPrice, product.DepartmentId, product.SectionId)
            : new ItemFacts(i.ProductCode, i.Quantity, i.TotalPrice))];
    }

    private static Task<CardDay> CardDayAsync(PurchaseStore store, Purchase purchase, AntifraudRules rules, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        (DateTimeOffset, DateTimeOffset)? interval = rules.MinMinutesBetweenPurchases is { } minutes
            ? (purchase.OccurredAt - TimeSpan.FromMinutes(minutes), purchase.OccurredAt + TimeSpan.FromMinutes(minutes))
            : null;
        return store.CardDayAsync(purchase.CustomerId, purchase.StoreId, Antifraud.LocalDay(purchase.OccurredAt, zone), interval, cancellationToken);
    }
}
