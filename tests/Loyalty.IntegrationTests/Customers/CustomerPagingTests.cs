using Loyalty.Domain.Staff;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>Pages of 25 with no total count: the page number, and "next" only when there is one.</summary>
public sealed class CustomerPagingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Theory]
    [InlineData("/clientes?StoreId={0}")]
    [InlineData("/clientes?Q=paginado")]
    public async Task Thirty_Customers_Make_A_Full_Page_With_Next_And_A_Last_Page_Without(string url)
    {
        var tenant = await App.CreateTenantAsync("pag" + (url.Contains('Q', StringComparison.Ordinal) ? "q" : "s"));
        var store = await App.CreateStoreAsync(tenant.Id, "PG1");
        for (var i = 1; i <= 30; i++)
        {
            await App.AddCustomerAsync(tenant.Id, $"Paginado {i:00}", storeId: store);
        }
        using var client = await App.SignedInAsync(tenant, StaffRole.StoreManager, store);
        var first = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, store);

        var page1 = await client.GetPageAsync(first);
        var page2 = await client.GetPageAsync(first + "&Page=2");

        Assert.Equal([.. Enumerable.Range(1, 25).Select(i => $"Paginado {i:00}")], page1.CustomerNames());
        Assert.NotNull(page1.QuerySelector("[data-testid=next-page]"));
        Assert.Equal([.. Enumerable.Range(26, 5).Select(i => $"Paginado {i:00}")], page2.CustomerNames());
        Assert.Null(page2.QuerySelector("[data-testid=next-page]"));
        Assert.Equal("Página 2", page2.QuerySelector("[data-testid=page-number]")!.TextContent.Trim());
    }
}
