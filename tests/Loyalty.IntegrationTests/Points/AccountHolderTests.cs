using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Domain.Customers;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.IntegrationTests.Redemptions;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Points;

/// <summary>
/// "Which account earns" (SPEC §3) has one home, <c>customers.account_holder_id</c> (<see cref="Customer.AccountHolderId"/>):
/// every path that earns, shows, states or spends a dependent's points must land on the titular's account.
/// </summary>
public sealed class AccountHolderTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task A_Dependent_Earns_Shows_States_And_Spends_Through_The_Titulars_Account_Everywhere()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 30);
        var storeKey = await App.CreateApiKeyAsync(counter.Tenant.Id, counter.StoreId);
        var titular = await App.AddCustomerAsync(counter.Tenant.Id, "Rosa Titular", f => f.RedeemScope = RedeemScope.AllCards);
        var dependent = await App.AddDependentAsync(counter.Tenant.Id, "Caio Dependente", titular.Id);

        // Earns: the POS purchase (hand-written SQL).
        var purchase = await new Pos(App, storeKey).PostAsync(Pos.Purchase(dependent.CardNumber, 100m));
        Assert.Equal(HttpStatusCode.Created, purchase.StatusCode);
        Assert.Equal(100, (await Pos.BodyAsync(purchase)).GetProperty("balance").GetInt64());
        // Spends: the counter's redemption on the dependent's card.
        Counter.RedemptionOf(await counter.RedeemAsync(dependent.Id));
        // Adjusts: the ledger's own lookup of the holder.
        await App.InLedgerAsync(counter.Tenant.Id, l => l.AdjustAsync(dependent.Id, 5, "Conferência", CancellationToken.None));

        var titularTotals = await App.TotalsAsync(counter.Tenant.Id, titular.Id);
        Assert.Equal(75, titularTotals.Balance);
        Assert.Equal(titularTotals.Balance, titularTotals.SumOfEntries);
        var accounts = await App.InTenantAsync(counter.Tenant.Id, db => db.LedgerEntries
            .Where(e => e.CustomerId == dependent.Id).Select(e => e.AccountId).Distinct().ToListAsync());
        Assert.Equal([titular.Id], accounts);
        Assert.False(await App.InTenantAsync(counter.Tenant.Id, db => db.PointsAccounts.AnyAsync(a => a.Id == dependent.Id)));

        // Shows: the POS lookup of the dependent's card; states: the statement of the dependent's card.
        Assert.Equal(75, (await GetAsync(storeKey, $"/api/v1/customers/{dependent.CardNumber}")).GetProperty("balance").GetInt64());
        // The statement is an integration endpoint: a tenant key reads it.
        var tenantKey = await App.CreateApiKeyAsync(counter.Tenant.Id, null, "integration");
        var statement = await GetAsync(tenantKey, $"/api/v1/customers/{dependent.CardNumber}/statement");
        Assert.Equal(75, statement.GetProperty("balance").GetInt64());
        Assert.Equal(3, statement.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task The_Stored_Account_Holder_Is_The_Domains_And_Follows_The_Titular_Whatever_Writes_The_Row()
    {
        var tenant = await App.CreateTenantAsync($"ah{Guid.NewGuid():N}"[..10]);
        var titular = await App.AddCustomerAsync(tenant.Id, "Titular Um");
        var other = await App.AddCustomerAsync(tenant.Id, "Titular Dois");
        var dependent = await App.AddDependentAsync(tenant.Id, "Dependente", titular.Id);

        var stored = await App.InTenantAsync(tenant.Id, db => db.Customers.AsNoTracking()
            .Select(c => new { c.Id, c.TitularId, c.AccountHolderId }).ToListAsync());
        Assert.All(stored, c => Assert.Equal(c.TitularId ?? c.Id, c.AccountHolderId));
        Assert.Equal(titular.Id, stored.Single(c => c.Id == dependent.Id).AccountHolderId);

        // No screen moves a dependent today; a row rewritten by hand (a support fix, a bulk load) still gets the rule.
        await using var connection = await Sql.OpenAsAppAsync(App.Database, tenant.Id);
        await Sql.ExecuteAsync(connection, $"UPDATE customers SET titular_id = '{other.Id}' WHERE id = '{dependent.Id}'");
        Assert.Equal(other.Id, await Sql.ScalarAsync<Guid>(connection, $"SELECT account_holder_id FROM customers WHERE id = '{dependent.Id}'"));
        await Sql.ExecuteAsync(connection, $"UPDATE customers SET titular_id = NULL WHERE id = '{dependent.Id}'");
        Assert.Equal(dependent.Id, await Sql.ScalarAsync<Guid>(connection, $"SELECT account_holder_id FROM customers WHERE id = '{dependent.Id}'"));
    }

    private async Task<JsonElement> GetAsync(string key, string path)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
