using Loyalty.Domain.Campaigns;

namespace Loyalty.UnitTests.Campaigns;

/// <summary>SPEC §5 steps 1 and 2: concessions (else the default rate) rounded down once per purchase, then the bonuses
/// of the periodic campaigns the purchase qualifies for.</summary>
public sealed class CampaignEarningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(-3));
    private static readonly DateTime InCampaign = new(2026, 12, 10, 10, 0, 0);
    private static readonly Guid Store = Guid.NewGuid();
    private static readonly Guid OtherStore = Guid.NewGuid();
    private static readonly Guid Category = Guid.NewGuid();
    private static readonly Guid Fuel = Guid.NewGuid();
    private static readonly Guid Gasoline = Guid.NewGuid();
    private static readonly Guid Shop = Guid.NewGuid();
    private static readonly Guid CoffeeId = Guid.NewGuid();
    private static readonly Guid GasolineId = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Codes = new() { [CoffeeId] = "CAFE", [GasolineId] = "GC" };

    [Fact]
    public void Without_Campaigns_The_Default_Rate_Should_Apply_To_The_Total_Rounded_Down_Once()
    {
        var plan = Plan(Rules(1m), Item("X", 1, 10.60m), Item("Y", 1, 10.60m));
        Assert.Equal(21, plan.BasePoints);
        Assert.Equal(0, plan.Bonuses);
    }

    [Fact]
    public void A_Concession_Should_Rate_Its_Department_At_The_Store_And_Others_At_The_Default()
    {
        var campaign = Fixed(c => c.SetConcessions([new ConcessionTerms(Store, Fuel, null, 2m)]));
        var plan = Plan(Rules(1m, campaign), Item("GC", 40, 250.25m, Fuel), Item("AGUA", 1, 3.50m, Shop), Item("??", 1, 1.20m));
        // 250.25 × 2 + 3.50 × 1 + 1.20 × 1 = 505.20 → 505
        Assert.Equal(505, plan.BasePoints);
    }

    [Fact]
    public void A_Section_Concession_Should_Win_Over_Its_Department()
    {
        var campaign = Fixed(c => c.SetConcessions([new ConcessionTerms(Store, Fuel, null, 2m), new ConcessionTerms(Store, Fuel, Gasoline, 3m)]));
        Assert.Equal(300, Plan(Rules(1m, campaign), Item("GC", 20, 100m, Fuel, Gasoline)).BasePoints);
        Assert.Equal(200, Plan(Rules(1m, campaign), Item("DS", 20, 100m, Fuel, Guid.NewGuid())).BasePoints);
    }

    [Fact]
    public void A_Concession_Should_Not_Apply_At_Another_Store_Or_Outside_The_Hours_Or_Category()
    {
        var campaign = Fixed(c =>
        {
            c.SetStores([CampaignTests.Store(Store, 50m) with { StartTime = new TimeOnly(6, 0), EndTime = new TimeOnly(9, 0) }, CampaignTests.Store(OtherStore, 50m)]);
            c.SetConcessions([new ConcessionTerms(Store, Fuel, null, 5m)]);
        });
        Assert.Equal(100, Plan(Rules(1m, campaign), Item("GC", 20, 100m, Fuel)).BasePoints); // 10:00, outside 06:00–09:00
        Assert.Equal(500, Plan(Rules(1m, campaign), InCampaign.Date.AddHours(7), Category, Item("GC", 20, 100m, Fuel)).BasePoints);

        var gold = Fixed(c => c.SetConcessions([new ConcessionTerms(Store, Fuel, null, 5m)]), categories: [Guid.NewGuid()]);
        Assert.Equal(100, Plan(Rules(1m, gold), Item("GC", 20, 100m, Fuel)).BasePoints);
    }

    [Fact]
    public void Points_Per_Product_Should_Count_Units_And_Round_Down_Once()
    {
        var campaign = Periodic(c => c.SetProductPoints([(GasolineId, 0.5m)]));
        var plan = Plan(Rules(1m, campaign), Item("GC", 41.5m, 249m), Item("GC", 0.9m, 5.40m));
        Assert.Equal(254, plan.BasePoints);
        Assert.Equal(21, plan.Bonuses); // (41.5 + 0.9) × 0.5 = 21.2 → 21
    }

    [Fact]
    public void Extra_Points_Per_Store_Should_Add_For_Each_Purchase_At_That_Store()
    {
        var campaign = Periodic(c =>
        {
            c.SetStores([CampaignTests.Store(Store, 50m), CampaignTests.Store(OtherStore, 50m)]);
            c.SetStoreBonuses([(OtherStore, 30)]);
        });
        Assert.Equal(0, Plan(Rules(1m, campaign), Item("X", 1, 10m)).Bonuses);
        Assert.Equal(30, CampaignEarning.Plan(Rules(1m, campaign), new PurchaseFacts(OtherStore, InCampaign, Category, 10m, [Item("X", 1, 10m)])).Bonuses);
    }

    [Fact]
    public void Discounts_Should_Prefer_The_Store_Percent_And_Be_Returned_With_The_Amount()
    {
        var campaign = Periodic(c => c.SetDiscounts([(CoffeeId, null, 10m), (CoffeeId, Store, 15m)]));
        var plan = Plan(Rules(1m, campaign), Item("CAFE", 2, 9.99m), Item("X", 1, 1m));
        var discount = Assert.Single(plan.Discounts);
        Assert.Equal(("CAFE", 15m, 1.50m), (discount.ProductCode, discount.Percent, discount.Amount));
    }

    [Fact]
    public void Gift_Vouchers_Should_Be_Due_Per_Full_Quantity_Of_The_Product_Bought()
    {
        var campaign = Periodic(c => c.SetGiftRules([(GasolineId, 30m, CoffeeId, 1)]));
        var gift = Assert.Single(Plan(Rules(1m, campaign), Item("GC", 35m, 210m), Item("GC", 26m, 156m)).Gifts);
        Assert.Equal(2, gift.Quantity);
        Assert.Empty(Plan(Rules(1m, campaign), Item("GC", 29m, 174m)).Gifts);
    }

    [Fact]
    public void The_Frequency_Bonus_Should_Be_Awarded_Once_When_Purchases_And_Amount_Are_Reached()
    {
        var campaign = Periodic(c => c.SetFrequencyBonuses([(3, 150m, 7, 50)]));
        var rules = Rules(1m, campaign);
        var plan = Plan(rules, Item("X", 1, 60m));
        var step = Assert.Single(plan.Progress);
        Assert.Equal((CampaignProgressKind.Frequency, new DateOnly(2026, 12, 8), 60m), (step.Kind, step.WindowStart, step.Amount));

        Assert.Empty(CampaignEarning.Award(rules, plan, [new ProgressTotals(2, 120m, 0, false)]));
        Assert.Empty(CampaignEarning.Award(rules, plan, [new ProgressTotals(3, 140m, 0, false)]));
        Assert.Equal(50, Assert.Single(CampaignEarning.Award(rules, plan, [new ProgressTotals(3, 180m, 0, false)])).Points);
        Assert.Empty(CampaignEarning.Award(rules, plan, [new ProgressTotals(4, 240m, 0, true)]));
    }

    [Fact]
    public void The_Threshold_Award_Should_Count_Points_Before_The_Multiplier_Within_Its_Period_Once()
    {
        var campaign = Periodic(c =>
        {
            c.SetProductPoints([(GasolineId, 1m)]);
            c.SetThresholdAwards([(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), 500, 100)]);
        });
        var rules = Rules(1m, campaign);
        var plan = Plan(rules, Item("GC", 40m, 240m));
        var step = Assert.Single(plan.Progress);
        Assert.Equal(280, step.Points); // 240 base + 40 per litre

        Assert.Empty(CampaignEarning.Award(rules, plan, [new ProgressTotals(2, 0, 480, false)]));
        Assert.Equal(100, Assert.Single(CampaignEarning.Award(rules, plan, [new ProgressTotals(2, 0, 520, false)])).Points);
        Assert.Empty(Plan(rules, new DateTime(2026, 12, 20, 10, 0, 0), Category, Item("GC", 40m, 240m)).Progress);
    }

    [Fact]
    public void The_Running_Totals_Read_Ahead_Should_Cover_Every_Total_The_Plan_Advances_Whatever_The_Category()
    {
        var otherCategory = Guid.NewGuid();
        var campaign = Build(CampaignClassification.Periodic, c =>
        {
            c.SetFrequencyBonuses([(3, 150m, 7, 50)]);
            c.SetThresholdAwards([(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), 500, 100)]);
        }, [otherCategory]);
        var rules = Rules(1m, campaign);

        var candidates = CampaignEarning.ProgressCandidates(rules, Store, InCampaign);
        var plan = Plan(rules, InCampaign, otherCategory, Item("X", 1, 60m));

        Assert.Equal(2, candidates.Count);
        Assert.All(plan.Progress, step => Assert.Contains(step.Key, candidates));
        Assert.Empty(Plan(rules, InCampaign, Category, Item("X", 1, 60m)).Progress);
        Assert.Empty(CampaignEarning.ProgressCandidates(rules, OtherStore, InCampaign));
    }

    [Fact]
    public void A_Purchase_Should_Add_One_Purchase_Its_Amount_And_Points_To_The_Totals_It_Advances()
    {
        var step = new ProgressStep(Guid.NewGuid(), CampaignProgressKind.Threshold, 7, new DateOnly(2026, 12, 1), 60m, 280);

        Assert.Equal(new ProgressTotals(1, 60m, 280, false), ProgressTotals.After(null, step));
        Assert.Equal(new ProgressTotals(3, 180m, 780, true), ProgressTotals.After(new ProgressTotals(2, 120m, 500, true), step));
    }

    private static EarningPlan Plan(CampaignRuleSet rules, params ItemFacts[] items) => Plan(rules, InCampaign, Category, items);

    private static EarningPlan Plan(CampaignRuleSet rules, DateTime local, Guid category, params ItemFacts[] items) =>
        CampaignEarning.Plan(rules, new PurchaseFacts(Store, local, category, items.Sum(i => i.TotalPrice), items));

    private static ItemFacts Item(string code, decimal quantity, decimal total, Guid? department = null, Guid? section = null) =>
        new(code, quantity, total, department, section);

    private static CampaignRuleSet Rules(decimal defaultRate, params Campaign[] campaigns) => new(defaultRate, campaigns, Codes);

    private static Campaign Fixed(Action<Campaign> rules, IReadOnlyCollection<Guid>? categories = null) =>
        Build(CampaignClassification.Fixed, rules, categories);

    private static Campaign Periodic(Action<Campaign> rules) => Build(CampaignClassification.Periodic, rules, null);

    private static Campaign Build(CampaignClassification classification, Action<Campaign> rules, IReadOnlyCollection<Guid>? categories)
    {
        var campaign = Campaign.Create(CampaignTests.Terms(classification, CampaignSituation.Active, categories), Now,
            [CampaignTests.Store(Store, 100m)]);
        rules(campaign);
        return campaign;
    }
}
