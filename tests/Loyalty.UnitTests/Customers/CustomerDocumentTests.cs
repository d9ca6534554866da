using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;

namespace Loyalty.UnitTests.Customers;

public sealed class CustomerDocumentTests
{
    [Theory]
    [InlineData(PersonType.PF, "52998224725", "***.982.247-**")]
    [InlineData(PersonType.PJ, "11222333000181", "**.222.333/0001-**")]
    [InlineData(PersonType.PJ, "12ABC34501DE35", "**.ABC.345/01DE-**")]
    public void Masked_Should_Show_Only_The_Middle_Of_The_Document(PersonType type, string document, string expected) =>
        Assert.Equal(expected, CustomerDocument.Masked(type, document));
}
