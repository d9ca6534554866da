using Loyalty.Domain.Tenancy;

namespace Loyalty.UnitTests.Domain.Tenancy;

public sealed class TenantCodeTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("demo")]
    [InlineData("rede-01")]
    [InlineData("7eleven")]
    [InlineData("abcdefghij")]
    public void IsValid_Should_Accept_When_CodeIsTwoToTenLowerCaseLettersDigitsOrHyphens(string code) =>
        Assert.True(TenantCode.IsValid(code));

    [Theory]
    [InlineData("a")]
    [InlineData("abcdefghijk")]
    public void IsValid_Should_Refuse_When_LengthIsOutsideTwoToTen(string code) => Assert.False(TenantCode.IsValid(code));

    [Theory]
    [InlineData("Demo")]
    [InlineData("DEMO")]
    public void IsValid_Should_Refuse_When_CodeHasUpperCase(string code) => Assert.False(TenantCode.IsValid(code));

    [Fact]
    public void IsValid_Should_Refuse_When_CodeStartsWithHyphen() => Assert.False(TenantCode.IsValid("-demo"));

    [Theory]
    [InlineData("de mo")]
    [InlineData("de_mo")]
    [InlineData("de.mo")]
    [InlineData("rede/1")]
    [InlineData("são")]
    public void IsValid_Should_Refuse_When_CodeHasOtherCharacters(string code) => Assert.False(TenantCode.IsValid(code));

    [Theory]
    [InlineData(" demo")]
    [InlineData("demo ")]
    [InlineData("demo\n")]
    public void IsValid_Should_Refuse_When_CodeHasSurroundingWhitespace(string code) => Assert.False(TenantCode.IsValid(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IsValid_Should_Refuse_When_CodeIsMissing(string? code) => Assert.False(TenantCode.IsValid(code));

    [Theory]
    [InlineData("  DEMO  ", "demo")]
    [InlineData("Rede-01", "rede-01")]
    [InlineData("\tdemo\n", "demo")]
    public void Normalize_Should_TrimAndLowerCase(string input, string expected) =>
        Assert.Equal(expected, TenantCode.Normalize(input));

    [Fact]
    public void Normalize_Should_GiveEmptyText_When_CodeIsNull() => Assert.Equal(string.Empty, TenantCode.Normalize(null));

    [Fact]
    public void Normalize_Should_MakeAValidCode_When_OnlyCaseAndSpacesAreWrong() =>
        Assert.True(TenantCode.IsValid(TenantCode.Normalize(" Rede-01 ")));
}
