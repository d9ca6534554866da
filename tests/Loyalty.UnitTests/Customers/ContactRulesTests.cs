using Loyalty.Domain.Customers;

namespace Loyalty.UnitTests.Customers;

public sealed class ContactRulesTests
{
    [Theory]
    [InlineData("01310-100", "01310100")]
    [InlineData("01310100", "01310100")]
    public void Cep_Should_Accept_Eight_Digits(string input, string stored)
    {
        Assert.True(Cep.TryParse(input, out var cep));
        Assert.Equal(stored, cep.Value);
        Assert.Equal("01310-100", cep.Formatted);
    }

    [Theory]
    [InlineData("0131010")]
    [InlineData("013101000")]
    [InlineData("ABCDE-123")]
    [InlineData("00000-000")]
    public void Cep_Should_Refuse_Anything_Else(string input) => Assert.False(Cep.TryParse(input, out _));

    [Theory]
    [InlineData("sp", true)]
    [InlineData("DF", true)]
    [InlineData("TO", true)]
    [InlineData("XX", false)]
    [InlineData("", false)]
    public void Uf_Should_Be_One_Of_The_27(string uf, bool valid) => Assert.Equal(valid, Uf.IsValid(uf));

    [Fact]
    public void Uf_List_Has_26_States_And_The_Federal_District() => Assert.Equal(27, Uf.All.Distinct().Count());

    [Theory]
    [InlineData("(11) 98765-4321", "11987654321", "(11) 98765-4321")]
    [InlineData("+55 11 98765-4321", "11987654321", "(11) 98765-4321")]
    [InlineData("4133334444", "4133334444", "(41) 3333-4444")]
    public void Phone_Should_Accept_Ddd_And_Number(string input, string stored, string formatted)
    {
        Assert.True(MobilePhone.TryParse(input, out var phone));
        Assert.Equal(stored, phone.Value);
        Assert.Equal(formatted, phone.Formatted);
    }

    [Theory]
    [InlineData("(20) 98765-4321")] // 20 is not an Anatel DDD
    [InlineData("(10) 98765-4321")]
    [InlineData("11 8765-432")]     // too short
    [InlineData("11 88765-4321")]   // 11 digits must be a mobile (9 after the DDD)
    [InlineData("119876543210")]
    public void Phone_Should_Refuse_Invalid_Numbers(string input) => Assert.False(MobilePhone.TryParse(input, out _));
}
