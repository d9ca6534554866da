using Loyalty.Domain.Common;
using Loyalty.Domain.Customers;

namespace Loyalty.UnitTests.Customers;

public sealed class CpfTests
{
    [Theory]
    [InlineData("52998224725")]      // check digits worked by hand: 295 mod 11 = 9 → 2; 347 mod 11 = 6 → 5
    [InlineData("529.982.247-25")]
    [InlineData(" 529 982 247 25 ")]
    [InlineData("00000000191")]      // leading zeros: 2 mod 11 → 9; 21 mod 11 = 10 → 1
    public void Parse_Should_Accept_Valid_Cpf_With_Or_Without_Punctuation(string input)
    {
        Assert.True(Cpf.TryParse(input, out var cpf));
        Assert.Equal(11, cpf.Value.Length);
    }

    [Theory]
    [InlineData("52998224724")]  // wrong second digit
    [InlineData("52998224715")]  // wrong first digit
    [InlineData("5299822472")]   // too short
    [InlineData("529982247250")] // too long
    [InlineData("5299822472a")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_Should_Refuse_Invalid_Cpf(string? input) => Assert.False(Cpf.IsValid(input));

    [Theory]
    [InlineData("00000000000")]
    [InlineData("11111111111")]
    [InlineData("99999999999")]
    [InlineData("222.222.222-22")]
    public void Parse_Should_Refuse_AllEqualDigits_Although_Their_CheckDigits_Pass(string input) => Assert.False(Cpf.IsValid(input));

    [Fact]
    public void Cpf_Should_Keep_Leading_Zeros_And_Format_For_Display()
    {
        var cpf = Cpf.Parse("000.000.001-91");
        Assert.Equal("00000000191", cpf.Value);
        Assert.Equal("000.000.001-91", cpf.Formatted);
    }

    [Fact]
    public void Parse_Should_Throw_A_Coded_DomainException() =>
        Assert.Equal("Document.CpfInvalid", Assert.Throws<DomainException>(() => Cpf.Parse("123")).Code);
}
