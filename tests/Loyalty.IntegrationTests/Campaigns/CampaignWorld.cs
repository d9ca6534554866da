using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Catalog;
using Loyalty.Testing;
using Loyalty.Web.Features.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Campaigns;

/// <summary>A tenant ready for campaigns: a signed-in admin, two stores, a campaign type, a fuel department with a
/// section, a convenience department and a few products.</summary>
internal sealed record CampaignWorld(
    TestData.TestTenant Tenant, StaffClient Client, Guid StoreA, Guid StoreB, Guid TypeId, Guid Fuel, Guid FuelAuto, Guid Shop,
    Dictionary<string, Guid> Products)
{
    public static readonly DateOnly Start = new(2026, 12, 1);
    public static readonly DateOnly End = new(2027, 1, 31);

    public static async Task<CampaignWorld> CreateAsync(LoyaltyAppFactory app, string code)
    {
        var tenant = await app.CreateTenantAsync(code);
        var storeA = await app.CreateStoreAsync(tenant.Id, "LJA");
        var storeB = await app.CreateStoreAsync(tenant.Id, "LJB");
        await using var scope = app.TenantScope(tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var now = DateTimeOffset.UtcNow;
        var type = db.CampaignTypes.Add(CampaignType.Create("Promocional", now)).Entity;
        var fuel = db.Departments.Add(Department.Create("COMB", "Combustíveis", now)).Entity;
        var shop = db.Departments.Add(Department.Create("CONV", "Conveniência", now)).Entity;
        var auto = db.Sections.Add(Section.Create(fuel.Id, "AUTO", "Automotivos", now)).Entity;
        var products = new[]
        {
            Product.Create("GASC", "Gasolina comum", fuel, auto, now), Product.Create("AGUA", "Água 500 ml", shop, null, now),
            Product.Create("CANECA", "Caneca térmica", shop, null, now), Product.Create("BONE", "Boné", shop, null, now),
        };
        db.Products.AddRange(products);
        await db.SaveChangesAsync();
        var client = app.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        return new CampaignWorld(tenant, client, storeA, storeB, type.Id, fuel.Id, auto.Id, shop.Id, products.ToDictionary(p => p.Code, p => p.Id));
    }

    /// <summary>A campaign made through the domain, optionally with both stores at 50 % each.</summary>
    public async Task<Guid> CampaignAsync(LoyaltyAppFactory app, CampaignClassification classification, bool withStores = true,
        string description = "Campanha de teste")
    {
        await using var scope = app.TenantScope(Tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        // An Active campaign needs its stores: without them it is made Pending.
        var campaign = Campaign.Create(new CampaignTerms(description, Start, End, TypeId,
            withStores ? CampaignSituation.Active : CampaignSituation.Pending, classification, [], null, 10_000m, 2_000m, 300),
            DateTimeOffset.UtcNow,
            withStores ? [new CampaignStoreTerms(StoreA, null, null, null, null, 50m), new CampaignStoreTerms(StoreB, null, null, null, null, 50m)] : []);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    public Task<Campaign> LoadAsync(LoyaltyAppFactory app, Guid id) =>
        app.InTenantAsync(Tenant.Id, db => db.Campaigns.AsNoTracking().WithRules().SingleAsync(c => c.Id == id));

    /// <summary>Posts a form of a page, with its antiforgery token, as a browser would.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? page = null) =>
        await Client.PostFormAsync(url, await Client.Http.GetStringAsync(page ?? url), fields);

    public async Task<string> PostForPageAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? page = null)
    {
        var response = await PostAsync(url, fields, page);
        return response.StatusCode == System.Net.HttpStatusCode.OK
            ? await response.Content.ReadAsStringAsync()
            : throw new InvalidOperationException($"Expected the page again, got {(int)response.StatusCode} {response.Headers.Location}");
    }
}
