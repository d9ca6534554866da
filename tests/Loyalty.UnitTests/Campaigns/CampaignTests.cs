using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Common;

namespace Loyalty.UnitTests.Campaigns;

public sealed class CampaignTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(-3));
    private static readonly Guid StoreA = Guid.NewGuid();
    private static readonly Guid StoreB = Guid.NewGuid();

    internal static CampaignTerms Terms(
        CampaignClassification classification = CampaignClassification.Fixed, CampaignSituation situation = CampaignSituation.Pending,
        IReadOnlyCollection<Guid>? categories = null) =>
        new("Natal 2026", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), Guid.NewGuid(), situation, classification,
            categories ?? [], null, 100_000m, 20_000m, 1_000);

    [Fact]
    public void Shares_Of_The_Participating_Stores_Should_Add_Up_To_100_Percent()
    {
        var campaign = Campaign.Create(Terms(), Now);
        var error = Assert.Throws<DomainException>(() => campaign.SetStores([Store(StoreA, 60m), Store(StoreB, 30m)]));
        Assert.Equal(("Campaign.SharesNot100", 90m), (error.Code, Assert.Single(error.Arguments)));

        campaign.SetStores([Store(StoreA, 60m), Store(StoreB, 40m)]);
        Assert.Equal(2, campaign.Stores.Count);
    }

    [Fact]
    public void A_Store_Period_Should_Lie_Inside_The_Campaign_Period()
    {
        var campaign = Campaign.Create(Terms(), Now);
        var outside = Store(StoreA, 100m) with { StartDate = new DateOnly(2026, 11, 30) };
        Assert.Equal("Campaign.StorePeriodOutside", Assert.Throws<DomainException>(() => campaign.SetStores([outside])).Code);
    }

    [Fact]
    public void Update_Forecast_From_Campaign_Should_Split_The_Forecasts_In_Equal_Shares_That_Add_Up()
    {
        var stores = Campaign.SplitForecast([Store(StoreA, 0), Store(StoreB, 0), Store(Guid.NewGuid(), 0)], 100_000m, 20_000m, 1_000);

        Assert.Equal(100m, stores.Sum(s => s.SharePercent));
        Assert.Equal([33.34m, 33.33m, 33.33m], stores.Select(s => s.SharePercent));
        Assert.Equal(100_000m, stores.Sum(s => s.ForecastSales));
        Assert.Equal(20_000m, stores.Sum(s => s.ForecastProfit));
        Assert.Equal(1_000, stores.Sum(s => s.ForecastCustomers));
    }

    [Fact]
    public void Update_Forecast_From_Campaign_Should_Keep_Shares_That_Already_Add_Up()
    {
        var stores = Campaign.SplitForecast([Store(StoreA, 75m), Store(StoreB, 25m)], 1_000m, null, 10);

        Assert.Equal([750m, 250m], stores.Select(s => s.ForecastSales!.Value));
        Assert.All(stores, s => Assert.Null(s.ForecastProfit));
        Assert.Equal([7, 3], stores.Select(s => s.ForecastCustomers!.Value));
    }

    [Fact]
    public void Update_Period_From_Campaign_Should_Give_Every_Store_The_Campaign_Dates_And_All_Day()
    {
        var campaign = Campaign.Create(Terms(), Now);
        var stores = campaign.WithCampaignPeriod([Store(StoreA, 100m) with { StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(12, 0) }]);

        Assert.Equal(campaign.StartDate, stores[0].StartDate);
        Assert.Equal(campaign.EndDate, stores[0].EndDate);
        Assert.Null(stores[0].StartTime);
    }

    [Theory]
    [InlineData(7, 59, false)]
    [InlineData(8, 0, true)]
    [InlineData(11, 59, true)]
    [InlineData(12, 0, false)]
    public void A_Campaign_Should_Be_Open_Only_Within_The_Store_Hours(int hour, int minute, bool open)
    {
        var campaign = Campaign.Create(Terms(situation: CampaignSituation.Active), Now, [Store(StoreA, 100m)]);
        campaign.SetStores([Store(StoreA, 100m) with { StartTime = new TimeOnly(8, 0), EndTime = new TimeOnly(12, 0) }]);
        Assert.Equal(open, campaign.IsOpenAt(StoreA, new DateTime(2026, 12, 10, hour, minute, 0)));
    }

    [Theory]
    [InlineData(23, true)]
    [InlineData(3, true)]
    [InlineData(12, false)]
    public void Hours_That_End_Before_They_Start_Should_Run_Past_Midnight(int hour, bool open)
    {
        var campaign = Campaign.Create(Terms(situation: CampaignSituation.Active), Now, [Store(StoreA, 100m)]);
        campaign.SetStores([Store(StoreA, 100m) with { StartTime = new TimeOnly(22, 0), EndTime = new TimeOnly(6, 0) }]);
        Assert.Equal(open, campaign.IsOpenAt(StoreA, new DateTime(2026, 12, 10, hour, 0, 0)));
    }

    [Theory]
    [InlineData(CampaignSituation.Pending)]
    [InlineData(CampaignSituation.Inactive)]
    [InlineData(CampaignSituation.Cancelled)]
    public void Only_An_Active_Campaign_Should_Be_Open(CampaignSituation situation)
    {
        var campaign = Campaign.Create(Terms(situation: CampaignSituation.Active), Now, [Store(StoreA, 100m)]);
        campaign.SetStores([Store(StoreA, 100m)]);
        campaign.Update(Terms(situation: situation));
        Assert.False(campaign.IsOpenAt(StoreA, new DateTime(2026, 12, 10, 10, 0, 0)));
    }

    [Fact]
    public void A_Campaign_Should_Be_Closed_Outside_Its_Period_And_At_Other_Stores()
    {
        var campaign = Campaign.Create(Terms(situation: CampaignSituation.Active), Now, [Store(StoreA, 100m)]);
        campaign.SetStores([Store(StoreA, 100m)]);
        Assert.False(campaign.IsOpenAt(StoreA, new DateTime(2026, 11, 30, 23, 59, 0)));
        Assert.True(campaign.IsOpenAt(StoreA, new DateTime(2026, 12, 31, 23, 59, 0)));
        Assert.False(campaign.IsOpenAt(StoreA, new DateTime(2027, 1, 1, 0, 0, 0)));
        Assert.False(campaign.IsOpenAt(StoreB, new DateTime(2026, 12, 10, 10, 0, 0)));
    }

    [Fact]
    public void An_Active_Campaign_Should_Have_A_Participating_Store()
    {
        Assert.Equal("Campaign.ActiveWithoutStores",
            Assert.Throws<DomainException>(() => Campaign.Create(Terms(situation: CampaignSituation.Active), Now)).Code);

        var campaign = Campaign.Create(Terms(), Now);
        Assert.Equal("Campaign.ActiveWithoutStores",
            Assert.Throws<DomainException>(() => campaign.Update(Terms(situation: CampaignSituation.Active))).Code);

        campaign.SetStores([Store(StoreA, 100m)]);
        campaign.Update(Terms(situation: CampaignSituation.Active));
        Assert.Equal(CampaignSituation.Active, campaign.Situation);
        Assert.Equal("Campaign.ActiveWithoutStores", Assert.Throws<DomainException>(() => campaign.SetStores([])).Code);
        Assert.Single(campaign.Stores);
    }

    [Fact]
    public void An_Active_Campaign_May_Be_Created_With_Its_Stores()
    {
        var campaign = Campaign.Create(Terms(situation: CampaignSituation.Active), Now, [Store(StoreA, 60m), Store(StoreB, 40m)]);
        Assert.Equal((CampaignSituation.Active, 2), (campaign.Situation, campaign.Stores.Count));
    }

    [Fact]
    public void A_Cancelled_Campaign_Should_Be_Final()
    {
        var campaign = Campaign.Create(Terms(situation: CampaignSituation.Cancelled), Now);
        Assert.Equal("Campaign.IsCancelled", Assert.Throws<DomainException>(() => campaign.Update(Terms())).Code);
    }

    [Fact]
    public void Listed_Categories_Should_Restrict_The_Campaign()
    {
        var gold = Guid.NewGuid();
        Assert.True(Campaign.Create(Terms(), Now).IsFor(Guid.NewGuid()));
        var restricted = Campaign.Create(Terms(categories: [gold]), Now);
        Assert.True(restricted.IsFor(gold));
        Assert.False(restricted.IsFor(Guid.NewGuid()));
    }

    [Fact]
    public void Rules_Should_Match_The_Classification()
    {
        var campaign = Campaign.Create(Terms(CampaignClassification.Fixed), Now);
        Assert.Equal("Campaign.RuleNeedsPeriodic", Assert.Throws<DomainException>(() => campaign.SetStoreBonuses([])).Code);
        var periodic = Campaign.Create(Terms(CampaignClassification.Periodic), Now);
        Assert.Equal("Campaign.RuleNeedsFixed", Assert.Throws<DomainException>(() => periodic.SetConcessions([])).Code);
    }

    [Fact]
    public void The_Classification_Should_Not_Change_While_Rules_Exist()
    {
        var campaign = Campaign.Create(Terms(CampaignClassification.Fixed), Now);
        campaign.SetStores([Store(StoreA, 100m)]);
        campaign.SetConcessions([new ConcessionTerms(StoreA, Guid.NewGuid(), null, 2m)]);
        Assert.Equal("Campaign.ClassificationHasRules",
            Assert.Throws<DomainException>(() => campaign.Update(Terms(CampaignClassification.Periodic))).Code);
    }

    [Fact]
    public void Concessions_Should_Name_Participating_Stores()
    {
        var campaign = Campaign.Create(Terms(), Now);
        campaign.SetStores([Store(StoreA, 100m)]);
        Assert.Equal("Campaign.StoreNotParticipating",
            Assert.Throws<DomainException>(() => campaign.SetConcessions([new ConcessionTerms(StoreB, Guid.NewGuid(), null, 2m)])).Code);
    }

    [Fact]
    public void A_Store_With_Its_Own_Bonus_Or_Discount_Should_Not_Leave_The_Campaign_Before_Them()
    {
        var campaign = Campaign.Create(Terms(CampaignClassification.Periodic), Now);
        campaign.SetStores([Store(StoreA, 50m), Store(StoreB, 50m)]);
        campaign.SetStoreBonuses([(StoreB, 20)]);
        Assert.Equal("Campaign.StoreHasRules", Assert.Throws<DomainException>(() => campaign.SetStores([Store(StoreA, 100m)])).Code);

        campaign.SetStoreBonuses([]);
        campaign.SetDiscounts([(Guid.NewGuid(), StoreB, 10m), (Guid.NewGuid(), null, 5m)]);
        Assert.Equal("Campaign.StoreHasRules", Assert.Throws<DomainException>(() => campaign.SetStores([Store(StoreA, 100m)])).Code);

        campaign.SetDiscounts([(Guid.NewGuid(), null, 5m)]);
        campaign.SetStores([Store(StoreA, 100m)]);
        Assert.Equal([StoreA], campaign.Stores.Select(s => s.StoreId));
    }

    [Fact]
    public void A_Prize_Stock_Should_Never_Go_Below_Zero_And_Should_Come_Back_On_Cancellation()
    {
        var prize = Prize.Of(Guid.NewGuid(), Guid.NewGuid(), 500, 2, Now);
        prize.Take(2);
        Assert.Equal("Redemption.OutOfStock", Assert.Throws<DomainException>(() => prize.Take(1)).Code);
        prize.PutBack(1);
        Assert.Equal(1, prize.Stock);
    }

    [Fact]
    public void A_Prize_Without_Stock_Control_Should_Never_Run_Out()
    {
        var prize = Prize.Of(Guid.NewGuid(), Guid.NewGuid(), 500, null, Now);
        prize.Take(1_000);
        Assert.Null(prize.Stock);
    }

    [Fact]
    public void Frequency_Windows_Should_Be_Consecutive_Blocks_From_The_Campaign_Start()
    {
        var start = new DateOnly(2026, 12, 1);
        var weekly = FrequencyBonus.Of(Guid.NewGuid(), 3, 100m, 7, 50);
        Assert.Equal(start, weekly.WindowStart(start, new DateOnly(2026, 12, 7)));
        Assert.Equal(new DateOnly(2026, 12, 8), weekly.WindowStart(start, new DateOnly(2026, 12, 8)));
        Assert.Equal(start, FrequencyBonus.Of(Guid.NewGuid(), 3, 100m, null, 50).WindowStart(start, new DateOnly(2026, 12, 30)));
    }

    [Theory]
    [InlineData(29.999, 0)]
    [InlineData(30, 1)]
    [InlineData(65.5, 2)]
    public void A_Gift_Rule_Should_Give_One_Gift_Per_Full_Quantity_Bought(decimal litres, int gifts) =>
        Assert.Equal(gifts, GiftRule.Of(Guid.NewGuid(), Guid.NewGuid(), 30m, Guid.NewGuid(), 1).GiftsFor(litres));

    internal static CampaignStoreTerms Store(Guid storeId, decimal share) => new(storeId, null, null, null, null, share);
}
