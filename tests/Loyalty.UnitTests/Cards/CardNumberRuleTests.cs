using Loyalty.Domain.Cards;
using Loyalty.Domain.Common;

namespace Loyalty.UnitTests.Cards;

public sealed class CardNumberRuleTests
{
    [Theory]
    [InlineData("7992739871", 3)]        // the textbook Luhn example: 79927398713
    [InlineData("453201511283036", 6)]
    public void Luhn_CheckDigit_Matches_Known_Vectors(string body, int digit) => Assert.Equal(digit, Luhn.CheckDigit(body));

    [Fact]
    public void Generate_Should_Put_Prefix_Sequence_And_Luhn_Digit()
    {
        var rule = new CardNumberRule("6012", 16);
        var number = rule.Generate(42);
        Assert.Equal(16, number.Length);
        Assert.StartsWith("601200000000042", number, StringComparison.Ordinal);
        Assert.True(Luhn.IsValid(number));
        Assert.True(rule.Accepts(number));
    }

    [Fact]
    public void Accepts_Should_Check_Prefix_Length_Digits_And_Luhn()
    {
        var rule = new CardNumberRule("6012", 16);
        var good = rule.Generate(7);
        Assert.True(rule.Accepts(good[..4] + " " + good[4..8] + " " + good[8..12] + " " + good[12..]));
        Assert.False(rule.Accepts("5012" + good[4..]));                  // other prefix
        Assert.False(rule.Accepts(good[..^1]));                            // short
        Assert.False(rule.Accepts(good[..^1] + ((good[^1] - '0' + 1) % 10))); // Luhn broken
        Assert.False(rule.Accepts(good[..^2] + "a" + good[^1]));
    }

    [Fact]
    public void Generate_Should_Refuse_A_Sequence_Beyond_The_Rule_Capacity()
    {
        var rule = new CardNumberRule("99", 8);
        Assert.Equal(100_000, rule.Capacity);
        Assert.Equal("Card.NumbersExhausted", Assert.Throws<DomainException>(() => rule.Generate(100_000)).Code);
    }

    [Theory]
    [InlineData("12a", 16)]
    [InlineData("123456789", 16)]
    [InlineData("12", 7)]
    [InlineData("12", 20)]
    public void Rule_Should_Refuse_Bad_Settings(string prefix, int length) =>
        Assert.Throws<DomainException>(() => new CardNumberRule(prefix, length));
}
