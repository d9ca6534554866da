using Loyalty.Web.Features.Customers;

namespace Loyalty.UnitTests.Customers;

public sealed class CustomerSearchTermTests
{
    [Theory]
    [InlineData("529.982.247-25")]
    [InlineData("52998224725")]
    [InlineData(" 529 982 247 25 ")]
    public void Cpf_With_Or_Without_Punctuation_Is_A_Document(string typed)
    {
        var term = CustomerSearchTerm.Parse(typed);

        Assert.Equal("52998224725", term.Document);
        Assert.Empty(term.NameWords);
    }

    [Theory]
    [InlineData("12.abc.345/01de-35")]
    [InlineData("12ABC34501DE35")]
    public void Alphanumeric_Cnpj_Lower_Case_Is_Normalised_To_Upper_Case(string typed) =>
        Assert.Equal("12ABC34501DE35", CustomerSearchTerm.Parse(typed).Document);

    [Fact]
    public void Eleven_Digits_Are_Searched_As_Every_Reading_That_Parses()
    {
        // 11987654321 is a valid mobile (DDD 11) and a card-length number, not a valid CPF.
        var term = CustomerSearchTerm.Parse("11987654321");

        Assert.Null(term.Document);
        Assert.Equal("11987654321", term.Phone);
        Assert.Equal("11987654321", term.CardNumber);
    }

    [Theory]
    [InlineData("(11) 98765-4321")]
    [InlineData("+55 11 98765-4321")]
    public void Phone_Punctuation_And_Country_Code_Are_Dropped(string typed) =>
        Assert.Equal("11987654321", CustomerSearchTerm.Parse(typed).Phone);

    [Fact]
    public void Card_Number_Is_Its_Digits()
    {
        var term = CustomerSearchTerm.Parse("6062 0000 0000 0017");

        Assert.Equal("6062000000000017", term.CardNumber);
        Assert.Null(term.Phone);
    }

    [Fact]
    public void Email_Is_Exact_And_Lower_Case() =>
        Assert.Equal("joao.silva@example.com", CustomerSearchTerm.Parse(" Joao.Silva@Example.COM ").Email);

    [Theory]
    [InlineData("1234")]
    [InlineData("•••• 1234")]
    [InlineData("••••••••••••1234")]
    [InlineData("**** 1234")]
    public void Four_Digits_Are_The_Last_Digits_Of_A_Card_As_Masked_Screens_Show_Them(string typed)
    {
        var term = CustomerSearchTerm.Parse(typed);

        Assert.Equal("1234", term.CardLastDigits);
        Assert.False(term.IsIdentifier);
        Assert.False(term.IsIncompleteNumber);
        Assert.False(term.IsEmpty);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("12345")]
    [InlineData("529.982")]
    public void Digits_That_Make_No_Identifier_Search_Nothing_And_Say_So(string typed)
    {
        var term = CustomerSearchTerm.Parse(typed);

        Assert.True(term.IsIncompleteNumber);
        Assert.False(term.IsIdentifier);
        Assert.Empty(term.NameWords);
    }

    [Theory]
    [InlineData("João", "joao")]
    [InlineData("JOÃO", "joao")]
    [InlineData("Conceição", "conceicao")]
    [InlineData("Ñandú", "nandu")]
    [InlineData("Straße", "strasse")]
    [InlineData("Øystein", "oystein")]
    public void Name_Is_Normalised_Like_Unaccent_Of_Lower(string typed, string expected) =>
        Assert.Equal(expected, CustomerSearchTerm.Normalize(typed));

    [Fact]
    public void Name_Words_Are_Split_Like_The_Database_Splits_Them()
    {
        var term = CustomerSearchTerm.Parse("  Maria-José   D'Ávila  ");

        Assert.Equal(["maria", "jose", "d", "avila"], term.NameWords);
    }

    [Fact]
    public void Like_Wildcards_Are_Plain_Characters_Never_Patterns()
    {
        // There is no LIKE in the name search: % and _ separate words like any punctuation.
        Assert.Equal(["jo", "o"], CustomerSearchTerm.Parse("jo%_o").NameWords);
    }

    [Fact]
    public void At_Most_Five_Distinct_Words_Are_Searched() =>
        Assert.Equal(5, CustomerSearchTerm.Parse("a b c d e f g a").NameWords.Count);

    [Fact]
    public void Letters_With_Digits_That_Are_No_Cnpj_Search_The_Name() =>
        Assert.Equal(["posto", "24h"], CustomerSearchTerm.Parse("Posto 24h").NameWords);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("--- ...")]
    public void Nothing_To_Search_Is_Empty(string? typed) => Assert.True(CustomerSearchTerm.Parse(typed).IsEmpty);

    [Theory]
    [InlineData("silva", "silva", "silvb")]
    [InlineData("jo", "jo", "jp")]
    [InlineData("9", "9", ":")]
    public void Prefix_Range_Bounds_Exactly_The_Words_That_Start_With_It(string prefix, string from, string to) =>
        Assert.Equal((from, to), CustomerSearchTerm.PrefixRange(prefix));

    [Fact]
    public void Prefix_Range_Contains_The_Words_Starting_With_The_Prefix_In_Code_Point_Order()
    {
        var (from, to) = CustomerSearchTerm.PrefixRange("silv");
        string[] inside = ["silv", "silva", "silveira", "silvzzzz"];
        string[] outside = ["sil", "silu", "silw", "sim", "asilva"];

        Assert.All(inside, w => Assert.True(string.CompareOrdinal(w, from) >= 0 && string.CompareOrdinal(w, to) < 0, w));
        Assert.All(outside, w => Assert.False(string.CompareOrdinal(w, from) >= 0 && string.CompareOrdinal(w, to) < 0, w));
    }
}
