using Loyalty.Domain.Catalog;
using Loyalty.Domain.Common;

namespace Loyalty.UnitTests.Catalog;

public sealed class ProductTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Product_Code_Is_Kept_As_Sent_Trimmed_And_UpperCase()
    {
        var product = Product.Create("  gas-c01 ", "Gasolina comum", null, null, Now);
        Assert.Equal("GAS-C01", product.Code);
        Assert.True(product.IsActive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GAS C01")]
    [InlineData("1234567890123456789012345678901")]
    public void Product_Code_Should_Refuse_Empty_Spaced_Or_Too_Long(string code) =>
        Assert.Equal("Catalog.CodeInvalid", Assert.Throws<DomainException>(() => Product.Create(code, "X", null, null, Now)).Code);

    [Fact]
    public void Section_Must_Belong_To_The_Product_Department()
    {
        var fuel = Department.Create("COMB", "Combustíveis", Now);
        var shop = Department.Create("CONV", "Conveniência", Now);
        var drinks = Section.Create(shop.Id, "BEB", "Bebidas", Now);
        Assert.Equal("Catalog.SectionOutsideDepartment",
            Assert.Throws<DomainException>(() => Product.Create("AGUA", "Água 500 ml", fuel, drinks, Now)).Code);
        var water = Product.Create("AGUA", "Água 500 ml", shop, drinks, Now);
        Assert.Equal(drinks.Id, water.SectionId);
    }
}
