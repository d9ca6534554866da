using System.Globalization;
using Loyalty.Web.Infrastructure.Localization;

namespace Loyalty.UnitTests.Web.Localization;

public sealed class LocalNumberTests
{
    [Theory]
    [InlineData("pt-BR", "1.234,56", "1234.56")]
    [InlineData("pt-BR", "10,5", "10.5")]
    [InlineData("pt-BR", "5,999", "5.999")]
    [InlineData("pt-BR", "R$ 82,99", "82.99")]
    [InlineData("pt-BR", "1.500", "1500")]
    [InlineData("pt-BR", "10.5", "10.5")] // a keypad's point: never 105
    [InlineData("pt-BR", "2", "2")]
    [InlineData("pt-BR", "-1.200", "-1200")]
    [InlineData("pt-BR", "1.234.567", "1234567")]
    [InlineData("en-US", "1,234.56", "1234.56")]
    [InlineData("en-US", "1,200", "1200")]
    [InlineData("en-US", "1.5", "1.5")]
    [InlineData("en-US", "$ 82.99", "82.99")]
    [InlineData("es-MX", "1,200", "1200")]
    [InlineData("es-MX", "1,234.56", "1234.56")]
    [InlineData("es-MX", "10,5", "10.5")]
    public void TryParse_Should_Read_What_People_Type(string culture, string text, string expected)
    {
        Assert.True(LocalNumber.TryParse(text, CultureInfo.GetCultureInfo(culture), out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12.34,5")]
    [InlineData("1,2,3")]
    [InlineData("")]
    public void TryParse_Should_Refuse_What_Is_Not_A_Number(string text) =>
        Assert.False(LocalNumber.TryParse(text, CultureInfo.GetCultureInfo("pt-BR"), out _));

    [Theory]
    [InlineData("en-US", "1,234.5,6")]
    [InlineData("es-MX", "12,34.5")]
    public void TryParse_Should_Refuse_Groups_That_Do_Not_Group_Thousands(string culture, string text) =>
        Assert.False(LocalNumber.TryParse(text, CultureInfo.GetCultureInfo(culture), out _));

    [Theory]
    [InlineData("pt-BR", 1200L, "1.200")]
    [InlineData("en-US", 1200L, "1,200")]
    [InlineData("es-MX", 1200L, "1,200")]
    [InlineData("pt-BR", 7, "7")]
    public void Format_Should_Write_Whole_Numbers_As_The_Reader_Types_Them(string culture, object value, string expected) =>
        Assert.Equal(expected, LocalNumber.Format(value, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("pt-BR", "1234.56", "1.234,56")]
    [InlineData("en-US", "1234.56", "1,234.56")]
    [InlineData("es-MX", "1234.56", "1,234.56")]
    [InlineData("pt-BR", "1.5", "1,5")]
    public void Format_Should_Write_Decimals_That_Read_Back_The_Same(string culture, string stored, string expected)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        var value = decimal.Parse(stored, CultureInfo.InvariantCulture);

        var shown = LocalNumber.Format(value, info);

        Assert.Equal(expected, shown);
        Assert.True(LocalNumber.TryParse(shown, info, out var back));
        Assert.Equal(value, back);
    }

    [Fact]
    public void Format_Should_Write_Nothing_For_An_Empty_Value() =>
        Assert.Equal(string.Empty, LocalNumber.Format(null, CultureInfo.GetCultureInfo("pt-BR")));
}
