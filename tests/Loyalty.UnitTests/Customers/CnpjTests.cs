using Loyalty.Domain.Customers;

namespace Loyalty.UnitTests.Customers;

public sealed class CnpjTests
{
    [Theory]
    [InlineData("11222333000181")]       // the classic numeric test vector
    [InlineData("11.222.333/0001-81")]
    [InlineData("12ABC34501DE35")]       // Receita Federal's official alphanumeric example
    [InlineData("12.ABC.345/01DE-35")]
    public void Parse_Should_Accept_Valid_Cnpj(string input) => Assert.True(Cnpj.IsValid(input));

    [Fact]
    public void Parse_Should_Normalise_LowerCase_Alphanumeric_Cnpj_To_UpperCase()
    {
        var cnpj = Cnpj.Parse("12.abc.345/01de-35");
        Assert.Equal("12ABC34501DE35", cnpj.Value);
        Assert.Equal("12.ABC.345/01DE-35", cnpj.Formatted);
        Assert.True(cnpj.IsAlphanumeric);
    }

    [Fact]
    public void CheckDigits_Should_Use_Ascii_Minus_48_So_A_Is_17()
    {
        // Worked by hand: values 1,2,17,18,19,3,4,5,0,1,20,21 × 5,4,3,2,9,8,7,6,5,4,3,2 = 459; 459 mod 11 = 8 → 3.
        Assert.Equal(3, Cnpj.CheckDigit("12ABC34501DE"));
        // With the first check digit: × 6,5,4,3,2,9,8,7,6,5,4,3,2 = 424; 424 mod 11 = 6 → 5.
        Assert.Equal(5, Cnpj.CheckDigit("12ABC34501DE3"));
    }

    [Fact]
    public void Parse_Should_Refuse_The_Digits_That_The_Wrong_A_Equals_10_Mapping_Gives()
    {
        // With A=10 … E=14 the check digits of 12ABC34501DE would come out 4 and 5.
        Assert.False(Cnpj.IsValid("12ABC34501DE45"));
    }

    [Theory]
    [InlineData("00000000000000")]
    [InlineData("11111111111111")]
    [InlineData("00.000.000/0000-00")]
    public void Parse_Should_Refuse_AllEqual_Numbers(string input) => Assert.False(Cnpj.IsValid(input));

    [Theory]
    [InlineData("11222333000182")]   // wrong check digit
    [InlineData("12ABC34501DE3A")]   // check digits must be numeric
    [InlineData("12ABC34501DE3")]    // too short
    [InlineData("12ÁBC34501DE35")]   // letters are A–Z only
    [InlineData("12ABC34501DE35X")]
    public void Parse_Should_Refuse_Invalid_Cnpj(string input) => Assert.False(Cnpj.IsValid(input));

    [Fact]
    public void Numeric_Cnpj_Should_Keep_Leading_Zeros()
    {
        // 00.000.000/0001-91 (Banco do Brasil's CNPJ) starts with zeros.
        var cnpj = Cnpj.Parse("00.000.000/0001-91");
        Assert.Equal("00000000000191", cnpj.Value);
        Assert.False(cnpj.IsAlphanumeric);
    }
}
