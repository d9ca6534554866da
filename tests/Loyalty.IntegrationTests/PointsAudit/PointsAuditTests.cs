using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Catalog;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.IntegrationTests.Points;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.PointsAudit;

/// <summary>The audit queue (SPEC §5 step 4): approve credits at the purchase's time, reject keeps the reason and never
/// credits, in bulk too, audited, and only for the purchases of the user's stores and tenant.</summary>
public sealed class PointsAuditTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Guid _storeA;
    private Guid _storeB;
    private Pos _posA = default!;
    private Pos _posB = default!;
    private NewCustomers.Registered _customer = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"aud{Guid.NewGuid():N}"[..10]);
        _storeA = await App.CreateStoreAsync(_tenant.Id, "A01");
        _storeB = await App.CreateStoreAsync(_tenant.Id, "B01");
        _posA = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, _storeA));
        _posB = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, _storeB));
        var category = await App.InTenantAsync(_tenant.Id, async db =>
        {
            var c = CustomerCategory.Create("Sob aprovação", null, 1m, 365, AuditParameter.RequireApproval, null, DateTimeOffset.UtcNow);
            db.CustomerCategories.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        _customer = await App.AddCustomerAsync(_tenant.Id, "Rosa Auditada", f => f.CategoryId = category);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> PendingAsync(Pos pos, decimal amount, DateTimeOffset? at = null) =>
        (await Pos.BodyAsync(await pos.PostAsync(Pos.Purchase(_customer.CardNumber, amount, at: at)))).GetProperty("purchaseId").GetGuid();

    private static async Task<HttpResponseMessage> DecideAsync(StaffClient client, string decision, string? reason, params Guid[] ids) =>
        await client.PostFormAsync("/auditoria-pontos/decidir", await client.Http.GetStringAsync("/"),
            [.. ids.Select(id => new KeyValuePair<string, string>("Ids", id.ToString())), new("Decision", decision), new("Reason", reason ?? "")]);

    private Task<Purchase> PurchaseAsync(Guid id) => App.InTenantAsync(_tenant.Id, db => db.Purchases.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task A_Manager_Sees_The_Pending_Accruals_Of_Their_Store_With_The_Reasons()
    {
        await PendingAsync(_posA, 12.34m);
        await PendingAsync(_posB, 56.78m);
        using var manager = await App.SignedInAsync(_tenant, StaffRole.StoreManager, _storeA);

        var page = await manager.GetPageAsync("/auditoria-pontos");
        var rows = page.QuerySelectorAll("[data-testid=audit-row]");

        Assert.Single(rows);
        Assert.Contains("Rosa Auditada", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("R$ 12,34", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("A categoria exige aprovação dos pontos", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_In_Bulk_Credits_Each_At_The_Purchase_Time_And_Audits_Each()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        var first = await PendingAsync(_posA, 20m, at);
        var second = await PendingAsync(_posA, 30.5m, at.AddHours(1));
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);

        var response = await DecideAsync(admin, "approve", null, first, second);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PointsStatus.Credited, (await PurchaseAsync(first)).PointsStatus);
        var entries = await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.Where(e => e.PurchaseId == first || e.PurchaseId == second)
            .OrderBy(e => e.OccurredAt).ToListAsync());
        Assert.Equal([20L, 30L], entries.Select(e => e.Points));
        Assert.All(entries, e => Assert.Equal(LedgerEntryKind.Accrual, e.Kind));
        Assert.Equal(at.ToUnixTimeMilliseconds(), entries[0].OccurredAt.ToUnixTimeMilliseconds());
        var audited = await App.InTenantAsync(_tenant.Id, db => db.AuditEntries.CountAsync(a => a.EntityType == "PointsAudit"
            && (a.EntityId == first.ToString() || a.EntityId == second.ToString())));
        Assert.Equal(2, audited);
        var totals = await App.TotalsAsync(_tenant.Id, _customer.Id);
        Assert.Equal(totals.SumOfEntries, totals.Balance);
    }

    [Fact]
    public async Task Rejecting_Needs_A_Reason_Keeps_It_And_Never_Credits()
    {
        var id = await PendingAsync(_posA, 40m);
        using var manager = await App.SignedInAsync(_tenant, StaffRole.StoreManager, _storeA);

        var withoutReason = await DecideAsync(manager, "reject", "  ", id);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Equal(PointsStatus.PendingAudit, (await PurchaseAsync(id)).PointsStatus);

        var rejected = await DecideAsync(manager, "reject", "Cupom de teste do PDV", id);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var purchase = await PurchaseAsync(id);
        Assert.Equal(PointsStatus.Rejected, purchase.PointsStatus);
        Assert.Equal("Cupom de teste do PDV", purchase.RejectionReason);
        Assert.False(await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.AnyAsync(e => e.PurchaseId == id)));

        var again = await DecideAsync(manager, "approve", null, id);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(PointsStatus.Rejected, (await PurchaseAsync(id)).PointsStatus);
    }

    [Fact]
    public async Task Rejecting_Voids_The_Gifts_The_Purchase_Earned_Not_Yet_Delivered()
    {
        await App.InTenantAsync(_tenant.Id, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var product = Product.Create("7891000100103", "Produto do PDV", null, null, now);
            var type = CampaignType.Create("Promocional", now);
            var campaign = Campaign.Create(new CampaignTerms("Brinde", today.AddDays(-1), today.AddDays(1), type.Id, CampaignSituation.Active,
                CampaignClassification.Periodic, [], null, null, null, null), now, [new CampaignStoreTerms(_storeA, null, null, null, null, 100m)]);
            campaign.SetGiftRules([(product.Id, 1m, product.Id, 1)]);
            db.AddRange(product, type, campaign);
            return await db.SaveChangesAsync();
        });
        var id = await PendingAsync(_posA, 40m);
        Assert.True(await App.InTenantAsync(_tenant.Id, db => db.GiftVouchers.AnyAsync(v => v.PurchaseId == id && v.VoidedAt == null)));
        using var manager = await App.SignedInAsync(_tenant, StaffRole.StoreManager, _storeA);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(manager, "reject", "Cupom suspeito", id)).StatusCode);

        var voucher = await App.InTenantAsync(_tenant.Id, db => db.GiftVouchers.SingleAsync(v => v.PurchaseId == id));
        Assert.NotNull(voucher.VoidedAt);
    }

    [Fact]
    public async Task Another_Stores_Manager_And_Another_Tenant_Get_404_And_Change_Nothing()
    {
        var id = await PendingAsync(_posB, 15m);
        using var managerA = await App.SignedInAsync(_tenant, StaffRole.StoreManager, _storeA);
        var other = await App.CreateTenantAsync($"oth{Guid.NewGuid():N}"[..10]);
        using var otherAdmin = await App.SignedInAsync(other, StaffRole.TenantAdmin);

        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(managerA, "approve", null, id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(otherAdmin, "approve", null, id)).StatusCode);
        Assert.Equal(PointsStatus.PendingAudit, (await PurchaseAsync(id)).PointsStatus);
    }
}
