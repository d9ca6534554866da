using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Purchases;

namespace Loyalty.UnitTests.Purchases;

public sealed class EarningTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(-3));

    [Theory]
    [InlineData(150.99, 1, 150)]
    [InlineData(0.99, 1, 0)]
    [InlineData(10.99, 1.5, 16)]
    [InlineData(33.33, 3, 99)]
    public void BasePoints_Should_Round_Down_Once_On_The_Purchase_Amount(decimal amount, decimal rate, long expected) =>
        Assert.Equal(expected, BasePoints(rate, amount));

    [Fact]
    public void BasePoints_Should_Be_Computed_On_The_Total_Not_Per_Item()
    {
        // Three items of R$ 0,50 earn 1 point together, none one by one.
        Assert.Equal(1, BasePoints(1m, 0.50m, 0.50m, 0.50m));
        Assert.Equal(0, BasePoints(1m, 0.50m) * 3);
    }

    [Fact]
    public void Multiplier_Should_Round_Down_After_The_Base()
    {
        var category = CustomerCategory.Create("Prata", null, 1.25m, 365, AuditParameter.IgnoreRules, null, Noon);
        Assert.Equal(20, category.ApplyMultiplier(BasePoints(1m, 16.99m)));
    }

    [Fact]
    public void Decide_Should_Credit_When_No_Rule_Is_Broken() =>
        Assert.Equal(PointsStatus.Credited, Earning.Decide(10, AntifraudRules.None, 10m, CardDay.Empty, Noon).Status);

    [Fact]
    public void Decide_Should_Answer_None_For_Zero_Points() =>
        Assert.Equal(PointsStatus.None, Earning.Decide(0, null, 0.5m, CardDay.Empty, Noon).Status);

    [Fact]
    public void Decide_Should_Wait_For_Approval_When_The_Category_Requires_It()
    {
        var (status, reasons) = Earning.Decide(10, null, 10m, CardDay.Empty, Noon);
        Assert.Equal(PointsStatus.PendingAudit, status);
        Assert.Equal([AuditReason.RequireApproval], reasons);
    }

    public static TheoryData<AntifraudRules, CardDay, decimal, long, string> Broken => new()
    {
        { new() { MaxPurchasesPerCardPerDay = 2 }, new(2, 0, 0, null), 10m, 10, AuditReason.MaxPurchasesPerCardPerDay },
        { new() { MaxPurchasesPerCardPerStorePerDay = 1 }, new(1, 1, 0, null), 10m, 10, AuditReason.MaxPurchasesPerCardPerStorePerDay },
        { new() { MinMinutesBetweenPurchases = 30 }, new(1, 0, 0, Noon.AddMinutes(-29)), 10m, 10, AuditReason.MinMinutesBetweenPurchases },
        { new() { MaxPurchaseAmount = 500m }, CardDay.Empty, 500.01m, 500, AuditReason.MaxPurchaseAmount },
        { new() { MaxPointsPerPurchase = 100 }, CardDay.Empty, 101m, 101, AuditReason.MaxPointsPerPurchase },
        { new() { MaxPointsPerCardPerDay = 100 }, new(1, 1, 95, null), 6m, 6, AuditReason.MaxPointsPerCardPerDay },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_Antifraud_Rule_Should_Send_The_Purchase_To_Audit(AntifraudRules rules, CardDay day, decimal amount, long points, string reason)
    {
        var (status, reasons) = Earning.Decide(points, rules, amount, day, Noon);
        Assert.Equal(PointsStatus.PendingAudit, status);
        Assert.Equal([reason], reasons);
    }

    public static TheoryData<AntifraudRules, CardDay, decimal, long> AtTheLimit => new()
    {
        { new() { MaxPurchasesPerCardPerDay = 2 }, new(1, 0, 0, null), 10m, 10 },
        { new() { MaxPurchasesPerCardPerStorePerDay = 1 }, new(3, 0, 0, null), 10m, 10 },
        { new() { MinMinutesBetweenPurchases = 30 }, new(1, 0, 0, Noon.AddMinutes(-30)), 10m, 10 },
        { new() { MaxPurchaseAmount = 500m }, CardDay.Empty, 500m, 500 },
        { new() { MaxPointsPerPurchase = 100 }, CardDay.Empty, 100m, 100 },
        { new() { MaxPointsPerCardPerDay = 100 }, new(1, 1, 95, null), 5m, 5 },
    };

    [Theory]
    [MemberData(nameof(AtTheLimit))]
    public void A_Purchase_Exactly_At_A_Limit_Should_Be_Credited(AntifraudRules rules, CardDay day, decimal amount, long points) =>
        Assert.Equal(PointsStatus.Credited, Earning.Decide(points, rules, amount, day, Noon).Status);

    [Fact]
    public void The_Day_Should_Be_The_Tenants_Local_Day()
    {
        // 23:30 in São Paulo is already the next day in UTC; the local day runs 03:00Z to 03:00Z.
        var lateEvening = new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(-3));
        var (start, end) = Antifraud.LocalDay(lateEvening, SaoPaulo);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero), end);
        var justAfterMidnight = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(-3));
        Assert.Equal(end, Antifraud.LocalDay(justAfterMidnight, SaoPaulo).Start);
    }

    /// <summary>Step 1 with no campaign: the tenant's rate on the items' totals.</summary>
    private static long BasePoints(decimal rate, params decimal[] itemTotals) =>
        CampaignEarning.Plan(new CampaignRuleSet(rate, [], new Dictionary<Guid, string>()),
            new PurchaseFacts(Guid.NewGuid(), Noon.DateTime, Guid.NewGuid(), itemTotals.Sum(), [.. itemTotals.Select(t => new ItemFacts("X", 1, t))])).BasePoints;
}
