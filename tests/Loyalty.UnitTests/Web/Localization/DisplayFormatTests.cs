using Loyalty.Web.Infrastructure.Localization;

namespace Loyalty.UnitTests.Web.Localization;

public sealed class DisplayFormatTests
{
    [Theory]
    [InlineData("1234.56", "R$ 1.234,56")]
    [InlineData("0", "R$ 0,00")]
    [InlineData("0.5", "R$ 0,50")]
    [InlineData("1234567.891", "R$ 1.234.567,89")]
    public void Money_Should_WriteBrazilianReais(string amount, string expected) =>
        Assert.Equal(expected, DisplayFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Money_Should_UseAPlainSpaceAfterTheSymbol() =>
        Assert.DoesNotContain('\u00a0', DisplayFormat.Money(1234.56m));

    [Fact]
    public void Date_Should_WriteDayMonthYear() => Assert.Equal("05/01/2026", DisplayFormat.Date(new DateOnly(2026, 1, 5)));

    [Theory]
    [InlineData("en-US")]
    [InlineData("es-MX")]
    [InlineData("pt-BR")]
    public void MoneyAndDate_Should_NotDependOnTheUserLanguage(string culture)
    {
        var previous = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);

            Assert.Equal("R$ 1.234,56", DisplayFormat.Money(1234.56m));
            Assert.Equal("05/01/2026", DisplayFormat.Date(new DateOnly(2026, 1, 5)));
            Assert.Equal("1.234.567", DisplayFormat.Number(1_234_567));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void Number_Should_GroupThousandsWithDots() => Assert.Equal("1.234.567", DisplayFormat.Number(1_234_567));
}
