using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.CardMaintenance;

/// <summary>The expired / expiring cards lists and the card movement log with its store scope.</summary>
public sealed class CardListsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private Task<int> SetExpiryAsync(Guid tenantId, string number, DateOnly expiresOn) =>
        App.InTenantAsync(tenantId, db => db.Database.ExecuteSqlAsync($"UPDATE cards SET expires_on = {expiresOn} WHERE number = {number}"));

    [Fact]
    public async Task Expired_And_Expiring_Within_N_Days_Are_Listed_Apart()
    {
        var tenant = await App.CreateTenantAsync("cml-a");
        var expired = await App.AddCustomerAsync(tenant.Id, "Vencido Antigo");
        var soon = await App.AddCustomerAsync(tenant.Id, "Vence Logo");
        var later = await App.AddCustomerAsync(tenant.Id, "Vence Depois");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await SetExpiryAsync(tenant.Id, expired.CardNumber, today.AddDays(-10));
        await SetExpiryAsync(tenant.Id, soon.CardNumber, today.AddDays(20));
        await SetExpiryAsync(tenant.Id, later.CardNumber, today.AddDays(50));
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);

        string Names(AngleSharp.Dom.IDocument page) => string.Join("|", page.QuerySelectorAll("[data-testid=expiring-row]").Select(r => r.TextContent));
        var expiredList = Names(await admin.GetPageAsync("/cartoes/vencidos"));
        var within30 = Names(await admin.GetPageAsync("/cartoes/vencidos?Expired=false"));
        var within60 = Names(await admin.GetPageAsync("/cartoes/vencidos?Expired=false&Days=60"));
        var invalid = await admin.GetPageAsync("/cartoes/vencidos?Expired=false&Days=abc");

        Assert.Contains("Vencido Antigo", expiredList, StringComparison.Ordinal);
        Assert.DoesNotContain("Vence Logo", expiredList, StringComparison.Ordinal);
        Assert.Contains("Vence Logo", within30, StringComparison.Ordinal);
        Assert.DoesNotContain("Vence Depois", within30, StringComparison.Ordinal);
        Assert.Contains("Vence Depois", within60, StringComparison.Ordinal);
        Assert.Equal("Informe um número de dias entre 1 e 3650.", invalid.FieldError("Days"));
        Assert.Equal("abc", invalid.ValueOf("Days"));
    }

    [Fact]
    public async Task Movement_Log_Shows_Card_Purchases_And_A_Store_Manager_Sees_Only_Their_Stores()
    {
        var tenant = await App.CreateTenantAsync("cml-b");
        var mine = await App.CreateStoreAsync(tenant.Id, "M1");
        var theirs = await App.CreateStoreAsync(tenant.Id, "M2");
        var customer = await App.AddCustomerAsync(tenant.Id, "Cliente Movimento");
        var posMine = new Pos(App, await App.CreateApiKeyAsync(tenant.Id, mine));
        var posTheirs = new Pos(App, await App.CreateApiKeyAsync(tenant.Id, theirs));
        (await posMine.PostAsync(Pos.Purchase(customer.CardNumber, 50m, coupon: "900001"))).EnsureSuccessStatusCode();
        (await posTheirs.PostAsync(Pos.Purchase(customer.CardNumber, 70m, coupon: "900002"))).EnsureSuccessStatusCode();
        using var manager = await App.SignedInAsync(tenant, StaffRole.StoreManager, mine);
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);

        var managerRows = (await manager.GetPageAsync("/cartoes/movimento")).QuerySelectorAll("[data-testid=movement-row]").Select(r => r.TextContent).ToList();
        var forced = await manager.GetPageAsync($"/cartoes/movimento?StoreId={theirs}");
        var adminRows = (await admin.GetPageAsync("/cartoes/movimento")).QuerySelectorAll("[data-testid=movement-row]").Select(r => r.TextContent).ToList();

        var row = Assert.Single(managerRows);
        Assert.Contains("900001", row, StringComparison.Ordinal);
        Assert.Contains("Cliente Movimento", row, StringComparison.Ordinal);
        Assert.Contains("Ativo", row, StringComparison.Ordinal);
        Assert.Contains("••" + customer.CardNumber[^4..], row, StringComparison.Ordinal); // masked for a store manager
        Assert.DoesNotContain(customer.CardNumber, row, StringComparison.Ordinal);
        Assert.Empty(forced.QuerySelectorAll("[data-testid=movement-row]"));
        Assert.Equal(2, adminRows.Count);
        Assert.Contains(adminRows, r => r.Contains(customer.CardNumber, StringComparison.Ordinal)); // whole for the admin
    }
}
