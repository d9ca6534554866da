using System.Net;
using System.Text.RegularExpressions;
using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Tenancy;

/// <summary>Another tenant's customer or block answers exactly like one that does not exist, on every page and post.</summary>
public sealed class CustomersTenantIsolationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Theory]
    [InlineData("/clientes/{0}", "cis-g1")]
    [InlineData("/clientes/{0}/editar", "cis-g2")]
    public async Task Customer_Pages_Of_Another_Tenant_Answer_404_Like_A_Missing_One(string page, string code)
    {
        var (client, foreign) = await TwoTenantsAsync(code);
        using var _ = client;

        var foreignResponse = await client.Http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, foreign.Customer));
        var missingResponse = await client.Http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, foreignResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingResponse.StatusCode);
        Assert.Equal(WithoutTokens(await missingResponse.Content.ReadAsStringAsync()), WithoutTokens(await foreignResponse.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/clientes/{0}/editar", "cis-p1")]
    [InlineData("/clientes/{0}/inativar", "cis-p2")]
    [InlineData("/bloqueios/{1}/remover", "cis-p3")]
    public async Task Posts_Against_Another_Tenants_Records_Answer_404_And_Change_Nothing(string action, string code)
    {
        var (client, foreign) = await TwoTenantsAsync(code);
        using var _ = client;

        var response = await client.PostFormFromPageAsync("/clientes",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, action, foreign.Customer, foreign.Block),
            new Dictionary<string, string> { ["Name"] = "Invasor", ["Gender"] = "NotInformed" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (name, status, blockRemoved) = await App.InTenantAsync(foreign.Tenant, async db => (
            await db.Customers.Where(c => c.Id == foreign.Customer).Select(c => c.Name).SingleAsync(),
            await db.Customers.Where(c => c.Id == foreign.Customer).Select(c => c.Status).SingleAsync(),
            await db.RedemptionBlocks.Where(b => b.Id == foreign.Block).Select(b => b.RemovedAt != null).SingleAsync()));
        Assert.Equal(("Cliente Alheio", CustomerStatus.Active, false), (name, status, blockRemoved));
    }

    [Fact]
    public async Task Blocking_Another_Tenants_Customer_Is_Refused_As_Unknown()
    {
        var (client, foreign) = await TwoTenantsAsync("cis-b");
        using var _ = client;

        var response = await client.PostFormFromPageAsync("/bloqueios/novo", "/bloqueios/novo", new Dictionary<string, string>
        {
            ["Command.CustomerId"] = foreign.Customer.ToString(), ["Command.Reason"] = "tentativa",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Busque e escolha o cliente a bloquear.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await App.InTenantAsync(foreign.Tenant, db => db.RedemptionBlocks.CountAsync()));
    }

    private sealed record Foreign(Guid Tenant, Guid Customer, Guid Block);

    private async Task<(StaffClient Client, Foreign Foreign)> TwoTenantsAsync(string code)
    {
        var mine = await App.CreateTenantAsync(code + "a");
        var other = await App.CreateTenantAsync(code + "b");
        var customer = await App.AddCustomerAsync(other.Id, "Cliente Alheio");
        var block = RedemptionBlock.Block(customer.Id, "motivo", null, "Outro", DateTimeOffset.UtcNow);
        await App.InTenantAsync(other.Id, db =>
        {
            db.RedemptionBlocks.Add(block);
            return db.SaveChangesAsync();
        });
        var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(mine.Code, mine.AdminEmail, TestData.Password);
        return (client, new Foreign(other.Id, customer.Id, block.Id));
    }

    private static string WithoutTokens(string html) =>
        Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", string.Empty);
}
