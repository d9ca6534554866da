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
    [InlineData("en-US", "1,234.56", "1234.56")]
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
}
