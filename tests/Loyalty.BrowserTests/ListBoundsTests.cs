using Loyalty.Testing;

namespace Loyalty.BrowserTests;

/// <summary>The staff lists read a tampered page number or an extreme date as the farthest they can show, not a 500.</summary>
public sealed class ListBoundsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("/campanhas?Page=999999999")]
    [InlineData("/produtos?Page=999999999")]
    [InlineData("/clientes?Page=999999999")]
    [InlineData("/clientes?q=Silva&Page=999999999")]
    [InlineData("/credito/analise?Page=999999999")]
    [InlineData("/compras?Page=999999999")]
    [InlineData("/compras?From=0001-01-01&To=9999-12-31")]
    [InlineData("/bloqueios?Page=999999999")]
    [InlineData("/auditoria?From=0001-01-01&To=9999-12-31")]
    public Task List_Answers_A_Tampered_Page_Or_Date_Without_A_Server_Error(string url) =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            var response = await page.Context.APIRequest.GetAsync(url);
            Assert.True(response.Status == 200, $"{url} answered {response.Status}");
        });

    [Fact]
    public Task Statement_Answers_An_Extreme_Period_Without_A_Server_Error() =>
        InBrowserAsync(async page =>
        {
            var customer = await Fixture.App.AddCustomerAsync(Fixture.DemoTenantId, "Yolanda Extrato Extremo", f =>
            {
                f.Gender = Loyalty.Domain.Customers.Gender.Female;
                f.BirthDate = new DateOnly(1975, 5, 5);
                f.MobilePhone = "11987654321";
            });
            await page.SignInAsync("demo", "admin@demo.local");
            var url = $"/clientes/{customer.Id}/extrato.csv?Period.From=0001-01-01&Period.To=9999-12-31";
            var response = await page.Context.APIRequest.GetAsync(url);
            Assert.True(response.Status == 200, $"{url} answered {response.Status}");
        });
}
