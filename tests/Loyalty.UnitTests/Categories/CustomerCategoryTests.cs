using Loyalty.Domain.Categories;
using Loyalty.Domain.Common;

namespace Loyalty.UnitTests.Categories;

public sealed class CustomerCategoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1", 100, 100)]
    [InlineData("2", 100, 200)]      // the seed's example: 100 points in a category of factor 2 give 200
    [InlineData("1.5", 101, 151)]    // 151.5 rounded down
    [InlineData("0.33", 10, 3)]      // 3.3 rounded down
    [InlineData("99.99", 1, 99)]
    public void ApplyMultiplier_Should_Round_Down(string factor, long points, long expected)
    {
        var category = CustomerCategory.Create("Ouro", null, decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture),
            365, AuditParameter.UseTenantRules, null, Now);
        Assert.Equal(expected, category.ApplyMultiplier(points));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.005")]   // more than two decimals
    [InlineData("100")]
    public void Create_Should_Refuse_An_Invalid_Multiplier(string factor) =>
        Assert.Equal("Category.MultiplierInvalid", Assert.Throws<DomainException>(() => CustomerCategory.Create("X", null,
            decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture), 10, AuditParameter.IgnoreRules, null, Now)).Code);

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public void Create_Should_Refuse_Validity_Outside_1_To_3650_Days(int days) =>
        Assert.Equal("Category.ValidityInvalid",
            Assert.Throws<DomainException>(() => CustomerCategory.Create("X", null, 1m, days, AuditParameter.IgnoreRules, null, Now)).Code);

    [Fact]
    public void Empty_Validity_Means_Points_Never_Expire() =>
        Assert.Null(CustomerCategory.Create("X", null, 1m, null, AuditParameter.IgnoreRules, null, Now).ValidityDays);

    [Fact]
    public void Default_Category_Is_Padrao_And_Cannot_Be_Inactivated_Or_Deleted()
    {
        var padrao = CustomerCategory.CreateDefault(Now);
        Assert.Equal("Padrão", padrao.Name);
        Assert.Equal(1m, padrao.Multiplier);
        Assert.Equal(365, padrao.ValidityDays);
        Assert.Equal(AuditParameter.UseTenantRules, padrao.AuditParameter);
        Assert.Throws<DomainException>(padrao.Inactivate);
        Assert.Throws<DomainException>(() => padrao.EnsureDeletable(inUse: false));
    }

    [Fact]
    public void Category_In_Use_Cannot_Be_Deleted_Only_Inactivated()
    {
        var category = CustomerCategory.Create("Prata", null, 1m, 30, AuditParameter.UseTenantRules, null, Now);
        Assert.Equal("Category.InUse", Assert.Throws<DomainException>(() => category.EnsureDeletable(inUse: true)).Code);
        category.Inactivate();
        Assert.False(category.IsActive);
        Assert.Throws<DomainException>(category.Inactivate);
        category.Reactivate();
        Assert.True(category.IsActive);
    }

    [Fact]
    public void EffectiveRules_Follow_The_Audit_Parameter()
    {
        var tenantRules = new AntifraudRules { MaxPurchasesPerCardPerDay = 5 };
        var custom = new AntifraudRules { MaxPurchaseAmount = 1000m };
        Assert.Same(tenantRules, Make(AuditParameter.UseTenantRules).EffectiveRules(tenantRules));
        Assert.Equal(custom, Make(AuditParameter.CustomRules, custom).EffectiveRules(tenantRules));
        Assert.True(Make(AuditParameter.IgnoreRules).EffectiveRules(tenantRules)!.IsEmpty);
        Assert.Null(Make(AuditParameter.RequireApproval).EffectiveRules(tenantRules)); // every accrual needs approval
    }

    [Fact]
    public void Custom_Rules_Are_Kept_Only_For_CustomRules_And_Must_Be_Positive()
    {
        var rules = new AntifraudRules { MaxPurchasesPerCardPerDay = 2 };
        Assert.True(Make(AuditParameter.UseTenantRules, rules).CustomRules.IsEmpty);
        Assert.Equal("Antifraud.LimitMustBePositive", Assert.Throws<DomainException>(() =>
            Make(AuditParameter.CustomRules, new AntifraudRules { MinMinutesBetweenPurchases = 0 })).Code);
    }

    private static CustomerCategory Make(AuditParameter audit, AntifraudRules? rules = null) =>
        CustomerCategory.Create("C", null, 1m, 30, audit, rules, Now);
}
