using Loyalty.Web.Api.Customers;

namespace Loyalty.UnitTests.Customers;

public sealed class ApiFieldNamesTests
{
    [Theory]
    [InlineData("Document", "document")]
    [InlineData("Cep", "address.cep")]
    [InlineData("Uf", "address.uf")]
    [InlineData("CategoryId", "category")]
    [InlineData("TitularId", "titularDocument")]
    [InlineData("IsDependent", "titularDocument")]
    [InlineData("RedeemScope", "redeemScope")]
    public void Form_Fields_Are_Reported_Under_The_Request_Names(string formField, string requestField) =>
        Assert.Equal(requestField, ApiFieldNames.Of(formField));

    [Theory]
    [InlineData("$.gender", "gender")]
    [InlineData("$.Address.Cep", "address.cep")]
    [InlineData("$", "")]
    public void Json_Paths_Become_Request_Field_Names(string path, string field) => Assert.Equal(field, ApiFieldNames.OfJsonPath(path));
}
