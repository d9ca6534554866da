using Loyalty.Web.Features.Customers.Lookup;

namespace Loyalty.UnitTests.Customers;

public sealed class CustomerIdentifierTests
{
    [Fact]
    public void A_Cpf_Could_Also_Be_A_Card_Number_So_Both_Are_Kept()
    {
        var identifier = CustomerIdentifier.Parse("529.982.247-25");

        Assert.Equal(new CustomerIdentifier("52998224725", "52998224725"), identifier);
    }

    [Fact]
    public void An_Alphanumeric_Cnpj_In_Lower_Case_Is_A_Document_Only() =>
        Assert.Equal(new CustomerIdentifier("12ABC34501DE35", null), CustomerIdentifier.Parse("12.abc.345/01de-35"));

    [Fact]
    public void A_Card_Number_With_Spaces_Is_A_Card_Only() =>
        Assert.Equal(new CustomerIdentifier(null, "6062000000000010"), CustomerIdentifier.Parse("6062 0000 0000 0010"));

    [Theory]
    [InlineData("")]
    [InlineData("maria")]
    [InlineData("1234567")]  // shorter than any card
    public void Anything_Else_Identifies_Nobody(string text) => Assert.Null(CustomerIdentifier.Parse(text));
}
