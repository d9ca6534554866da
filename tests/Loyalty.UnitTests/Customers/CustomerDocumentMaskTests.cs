using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;

namespace Loyalty.UnitTests.Customers;

/// <summary>A receipt handed to the customer shows only the middle of the document.</summary>
public sealed class CustomerDocumentMaskTests
{
    [Theory]
    [InlineData(PersonType.PF, "52998224725", "***.982.247-**")]
    [InlineData(PersonType.PJ, "11222333000181", "**.222.333/0001-**")]
    [InlineData(PersonType.PF, "123", "123")]
    [InlineData(PersonType.PF, "IMPORTADO-999", "*********-999")]
    public void Masked_Should_Keep_Only_The_Middle_Digits(PersonType type, string document, string expected) =>
        Assert.Equal(expected, CustomerDocument.Masked(type, document));
}
