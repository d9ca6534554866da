namespace Loyalty.Domain.Campaigns;

/// <summary>
/// The campaigns' part of earning one purchase (SPEC §5 steps 1 and 2), on the tenant's active campaigns as cached.
/// <see cref="Plan"/> works out the base points (concessions, else the default rate), the per-product and per-store
/// bonuses, the discounts and gifts, and which running totals the frequency and threshold rules need;
/// <see cref="Award"/> turns those totals, once stored, into the once-only bonuses. Everything before the category's
/// multiplier (step 3), which the caller applies to <see cref="EarningPlan.PointsBeforeAwards"/> plus the awards.
/// </summary>
public static class CampaignEarning
{
    public static EarningPlan Plan(CampaignRuleSet rules, PurchaseFacts purchase)
    {
        var open = rules.Campaigns.Where(c => c.IsOpenAt(purchase.StoreId, purchase.LocalTime) && c.IsFor(purchase.CategoryId)).ToList();
        var fixedOpen = open.Where(c => c.Classification == CampaignClassification.Fixed).ToList();
        var periodic = open.Where(c => c.Classification == CampaignClassification.Periodic).ToList();

        var baseMoney = purchase.Items.Sum(i => i.TotalPrice * RateFor(fixedOpen, purchase.StoreId, i, rules.DefaultPointsPerReal));
        var basePoints = (long)decimal.Floor(baseMoney);

        var productBonus = (long)decimal.Floor(purchase.Items.Sum(i =>
            i.Quantity * periodic.SelectMany(c => c.ProductPoints).Where(r => rules.CodeOf(r.ProductId) == i.ProductCode)
                .Select(r => r.PointsPerUnit).DefaultIfEmpty(0).Max()));
        var storeBonus = periodic.Sum(c => c.StoreBonuses.Where(b => b.StoreId == purchase.StoreId).Sum(b => b.ExtraPoints));

        var discounts = purchase.Items
            .Select(i => (Item: i, Percent: DiscountFor(periodic, rules, purchase.StoreId, i.ProductCode)))
            .Where(d => d.Percent > 0)
            .Select(d => new DiscountGiven(d.Item.ProductCode, d.Percent, Math.Round(d.Item.TotalPrice * d.Percent / 100m, 2, MidpointRounding.AwayFromZero)))
            .ToList();
        var gifts = periodic.SelectMany(c => c.GiftRules)
            .Select(r => (Rule: r, Quantity: r.GiftsFor(purchase.Items.Where(i => i.ProductCode == rules.CodeOf(r.ProductId)).Sum(i => i.Quantity))))
            .Where(g => g.Quantity > 0)
            .Select(g => new GiftDue(g.Rule, g.Quantity))
            .ToList();

        var pointsBeforeAwards = basePoints + productBonus + storeBonus;
        var steps = ProgressKeys(periodic, DateOnly.FromDateTime(purchase.LocalTime))
            .Select(p => new ProgressStep(p.CampaignId, p.Key.Kind, p.Key.RuleId, p.Key.WindowStart, purchase.TotalAmount,
                p.Key.Kind == CampaignProgressKind.Threshold ? pointsBeforeAwards : 0))
            .ToList();
        return new EarningPlan(basePoints, productBonus + storeBonus, discounts, gifts, steps);
    }

    /// <summary>
    /// The running totals a purchase at <paramref name="storeId"/> at <paramref name="localTime"/> could advance, whoever
    /// the customer (their category is not known yet): a superset of <see cref="EarningPlan.Progress"/>'s keys, so that
    /// they can be read with the purchase's opening round trip, before the customer is known.
    /// </summary>
    public static IReadOnlyList<ProgressKey> ProgressCandidates(CampaignRuleSet rules, Guid storeId, DateTime localTime) =>
        [.. ProgressKeys(
            rules.Campaigns.Where(c => c.Classification == CampaignClassification.Periodic && c.IsOpenAt(storeId, localTime)),
            DateOnly.FromDateTime(localTime)).Select(p => p.Key)];

    /// <summary>Each frequency rule's current window and each threshold period that contains the date.</summary>
    private static IEnumerable<(Guid CampaignId, ProgressKey Key)> ProgressKeys(IEnumerable<Campaign> periodic, DateOnly date) =>
        periodic.SelectMany(c => c.FrequencyBonuses
                .Select(f => (c.Id, new ProgressKey(CampaignProgressKind.Frequency, f.Id, f.WindowStart(c.StartDate, date))))
            .Concat(c.ThresholdAwards.Where(t => date >= t.StartDate && date <= t.EndDate)
                .Select(t => (c.Id, new ProgressKey(CampaignProgressKind.Threshold, t.Id, t.StartDate)))));

    /// <summary>
    /// The once-only awards due now: a frequency window whose purchases and amount reached the rule for the first time,
    /// a threshold whose points reached it for the first time. <paramref name="totals"/> are the running totals after
    /// this purchase, in the order of <see cref="EarningPlan.Progress"/>, and whether the award was already given.
    /// </summary>
    public static IReadOnlyList<AwardDue> Award(CampaignRuleSet rules, EarningPlan plan, IReadOnlyList<ProgressTotals> totals)
    {
        var awards = new List<AwardDue>();
        for (var i = 0; i < plan.Progress.Count; i++)
        {
            var (step, total) = (plan.Progress[i], totals[i]);
            if (total.AlreadyAwarded)
            {
                continue;
            }
            var campaign = rules.Campaigns.Single(c => c.Id == step.CampaignId);
            var points = step.Kind switch
            {
                CampaignProgressKind.Frequency when campaign.FrequencyBonuses.Single(f => f.Id == step.RuleId) is var f
                    && total.Purchases >= f.PurchasesRequired && total.Amount >= f.MinimumAmount => f.BonusPoints,
                CampaignProgressKind.Threshold when campaign.ThresholdAwards.Single(t => t.Id == step.RuleId) is var t
                    && total.Points >= t.ThresholdPoints => t.ExtraPoints,
                _ => 0,
            };
            if (points > 0)
            {
                awards.Add(new AwardDue(step, points));
            }
        }
        return awards;
    }

    /// <summary>A section's concession wins over its department's; among several open fixed campaigns, the best rate.
    /// No concession for the item's product (or an unknown product): the tenant's default rate.</summary>
    private static decimal RateFor(List<Campaign> fixedOpen, Guid storeId, ItemFacts item, decimal defaultRate)
    {
        if (item.DepartmentId is not { } department)
        {
            return defaultRate;
        }
        var atStore = fixedOpen.SelectMany(c => c.Concessions).Where(c => c.StoreId == storeId && c.DepartmentId == department).ToList();
        var section = atStore.Where(c => c.SectionId is not null && c.SectionId == item.SectionId).Select(c => (decimal?)c.PointsPerReal).Max();
        var whole = atStore.Where(c => c.SectionId is null).Select(c => (decimal?)c.PointsPerReal).Max();
        return section ?? whole ?? defaultRate;
    }

    /// <summary>A store's own discount wins over the all-stores one; among campaigns, the largest.</summary>
    private static decimal DiscountFor(List<Campaign> periodic, CampaignRuleSet rules, Guid storeId, string productCode)
    {
        var matching = periodic.SelectMany(c => c.Discounts).Where(d => rules.CodeOf(d.ProductId) == productCode).ToList();
        return matching.Where(d => d.StoreId == storeId).Select(d => d.Percent).DefaultIfEmpty(0).Max() is var own and > 0
            ? own
            : matching.Where(d => d.StoreId is null).Select(d => d.Percent).DefaultIfEmpty(0).Max();
    }
}

/// <summary>
/// The tenant's earning rules a purchase needs, cached per tenant: the default rate, the active campaigns with their
/// stores and rules, and the codes of the products the rules name (purchases carry codes, rules carry product ids).
/// </summary>
public sealed class CampaignRuleSet(
    decimal defaultPointsPerReal, IReadOnlyList<Campaign> campaigns, IReadOnlyDictionary<Guid, string> productCodes,
    IReadOnlyDictionary<Guid, string>? productDescriptions = null)
{
    public decimal DefaultPointsPerReal { get; } = defaultPointsPerReal;
    public IReadOnlyList<Campaign> Campaigns { get; } = campaigns;

    /// <summary>Whether a purchase needs its products' departments looked up: only concessions use them.</summary>
    public bool HasConcessions { get; } = campaigns.Any(c => c.Concessions.Count > 0);

    public string? CodeOf(Guid productId) => productCodes.GetValueOrDefault(productId);

    public string? DescriptionOf(Guid productId) => productDescriptions?.GetValueOrDefault(productId);
}

/// <summary>What earning needs to know of a purchase: the local time is the tenant's.</summary>
public sealed record PurchaseFacts(Guid StoreId, DateTime LocalTime, Guid CategoryId, decimal TotalAmount, IReadOnlyList<ItemFacts> Items);

/// <summary>An item with the department and section of its product when the catalogue knows it.</summary>
public sealed record ItemFacts(string ProductCode, decimal Quantity, decimal TotalPrice, Guid? DepartmentId = null, Guid? SectionId = null);

public sealed record EarningPlan(
    long BasePoints, long Bonuses, IReadOnlyList<DiscountGiven> Discounts, IReadOnlyList<GiftDue> Gifts, IReadOnlyList<ProgressStep> Progress)
{
    public long PointsBeforeAwards => BasePoints + Bonuses;
}

public sealed record DiscountGiven(string ProductCode, decimal Percent, decimal Amount);

public sealed record GiftDue(GiftRule Rule, int Quantity);

/// <summary>One purchase added to a running total: of a frequency window (counts and amount) or of a threshold period
/// (points before awards).</summary>
public sealed record ProgressStep(Guid CampaignId, CampaignProgressKind Kind, long RuleId, DateOnly WindowStart, decimal Amount, long Points)
{
    public ProgressKey Key => new(Kind, RuleId, WindowStart);
}

/// <summary>Which running total of an account: a frequency rule's window or a threshold rule's period.</summary>
public sealed record ProgressKey(CampaignProgressKind Kind, long RuleId, DateOnly WindowStart);

public sealed record ProgressTotals(int Purchases, decimal Amount, long Points, bool AlreadyAwarded)
{
    /// <summary>The totals once <paramref name="step"/> is added to <paramref name="before"/> (none yet: a first purchase
    /// in the window).</summary>
    public static ProgressTotals After(ProgressTotals? before, ProgressStep step) => new(
        (before?.Purchases ?? 0) + 1, (before?.Amount ?? 0) + step.Amount, (before?.Points ?? 0) + step.Points,
        before?.AlreadyAwarded ?? false);
}

public sealed record AwardDue(ProgressStep Step, long Points);
