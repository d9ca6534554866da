using System.Net;
using Loyalty.Domain.Categories;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Features.ApiKeys;
using Loyalty.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Purchases;

/// <summary>
/// The purchase path reads the tenant's earning rules and the POS's key from memory (README, Performance). A change saved
/// on this server is what the very next purchase uses; a category this server has not seen yet is read when a purchase
/// needs it; a revoked key is refused on the very next call.
/// </summary>
public sealed class EarningRulesCacheTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Guid _store;
    private string _key = default!;
    private Pos _pos = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"erc{Guid.NewGuid():N}"[..10]);
        _store = await App.CreateStoreAsync(_tenant.Id, "C01");
        _key = await App.CreateApiKeyAsync(_tenant.Id, _store);
        _pos = new Pos(App, _key);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_New_Points_Per_Real_Applies_To_The_Very_Next_Purchase()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Rita Taxa");
        Assert.Equal(10, await EarnedAsync(customer.CardNumber, 10m));

        await InScopeAsync(sp => sp.GetRequiredService<EarningSettings.Handler>()
            .HandleAsync(new EarningSettings.Command { PointsPerReal = 2.5m }, CancellationToken.None));

        Assert.Equal(25, await EarnedAsync(customer.CardNumber, 10m));
    }

    [Fact]
    public async Task A_Changed_Category_Multiplier_Applies_To_The_Very_Next_Purchase()
    {
        var category = await App.InTenantAsync(_tenant.Id, async db =>
        {
            var c = CustomerCategory.Create("Prata-c", null, 1m, 365, AuditParameter.IgnoreRules, null, DateTimeOffset.UtcNow);
            db.CustomerCategories.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var customer = await App.AddCustomerAsync(_tenant.Id, "Sergio Prata", f => f.CategoryId = category);
        Assert.Equal(10, await EarnedAsync(customer.CardNumber, 10m));

        await App.InTenantAsync(_tenant.Id, async db =>
        {
            (await db.CustomerCategories.SingleAsync(c => c.Id == category)).Update("Prata-c", null, 3m, 365, AuditParameter.IgnoreRules, null);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(30, await EarnedAsync(customer.CardNumber, 10m));
    }

    [Fact]
    public async Task New_Default_Antifraud_Rules_Hold_The_Very_Next_Purchase()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Tania Padrao");
        var before = await Pos.BodyAsync(await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 50m)));
        Assert.Equal("credited", before.GetProperty("pointsStatus").GetString());

        await InScopeAsync(sp => sp.GetRequiredService<AntifraudSettings.Handler>().HandleAsync(
            new AntifraudSettings.Command { Rules = new AntifraudRulesForm { MaxPurchaseAmount = 40m } }, CancellationToken.None));

        var after = await Pos.BodyAsync(await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 50m)));
        Assert.Equal("pendingAudit", after.GetProperty("pointsStatus").GetString());
    }

    [Fact]
    public async Task A_Category_Saved_Elsewhere_Is_Read_When_A_Purchase_Needs_It()
    {
        Assert.Equal(HttpStatusCode.Created, (await _pos.PostAsync(Pos.Purchase((await App.AddCustomerAsync(_tenant.Id, "Ugo Antes")).CardNumber, 1m))).StatusCode);
        // Another server's save: straight to the database, so this server's cache is not told.
        var category = Guid.CreateVersion7();
        await using (var connection = await Sql.OpenAsAppAsync(App.Database, _tenant.Id))
        {
            await Sql.ExecuteAsync(connection, $"""
                INSERT INTO customer_categories (id, tenant_id, name, multiplier, validity_days, audit_parameter, is_active, is_default, created_at)
                VALUES ('{category}', '{_tenant.Id}', 'Bronze-c', 2, 365, 'IgnoreRules', true, false, now())
                """);
        }
        var customer = await App.AddCustomerAsync(_tenant.Id, "Vera Bronze", f => f.CategoryId = category);

        Assert.Equal(20, await EarnedAsync(customer.CardNumber, 10m));
    }

    [Fact]
    public async Task A_Revoked_Store_Key_Is_Refused_On_The_Very_Next_Purchase()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Wagner Chave");
        var key = await App.CreateApiKeyAsync(_tenant.Id, _store, "caixa 2");
        var pos = new Pos(App, key);
        Assert.Equal(HttpStatusCode.Created, (await pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m))).StatusCode);
        var keyId = await App.InTenantAsync(_tenant.Id, db => db.ApiKeys.Where(k => k.Name == "caixa 2").Select(k => k.Id).SingleAsync());

        Assert.True(await InScopeAsync(sp => sp.GetRequiredService<RevokeApiKey.Handler>().HandleAsync(keyId, null, CancellationToken.None)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m))).StatusCode);
    }

    private async Task<long> EarnedAsync(string card, decimal amount)
    {
        var response = await _pos.PostAsync(Pos.Purchase(card, amount));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Pos.BodyAsync(response)).GetProperty("pointsEarned").GetInt64();
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.TenantScope(_tenant.Id);
        return await action(scope.ServiceProvider);
    }
}
