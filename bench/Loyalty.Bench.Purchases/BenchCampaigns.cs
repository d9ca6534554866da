using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Catalog;
using Loyalty.Testing;

namespace Loyalty.Bench.Purchases;

/// <summary>Open campaigns for the product's tenant (<c>--campaigns 1</c>): the purchased product in a department with a
/// concession at the store, and a periodic campaign with a store bonus and a weekly frequency bonus.</summary>
internal static class BenchCampaigns
{
    public static Task AddAsync(LoyaltyAppFactory app, Guid tenantId, Guid storeId) =>
        app.InTenantAsync(tenantId, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var fuel = Department.Create("COMB", "Combustíveis", now);
            db.Add(fuel);
            db.Add(Product.Create("7891000100103", "Produto do benchmark", fuel, null, now));
            var type = CampaignType.Create("Benchmark", now);
            db.Add(type);
            var store = new CampaignStoreTerms(storeId, null, null, null, null, 100m);
            // An active campaign needs its participating store from the start.
            var concession = Campaign.Create(Terms("Concessão", type.Id, CampaignClassification.Fixed, today), now, [store]);
            concession.SetConcessions([new ConcessionTerms(storeId, fuel.Id, null, 2m)]);
            var periodic = Campaign.Create(Terms("Bônus", type.Id, CampaignClassification.Periodic, today), now, [store]);
            periodic.SetStoreBonuses([(storeId, 5)]);
            periodic.SetFrequencyBonuses([(3, 0m, 7, 10)]);
            db.AddRange(concession, periodic);
            return await db.SaveChangesAsync();
        });

    private static CampaignTerms Terms(string description, Guid typeId, CampaignClassification classification, DateOnly today) =>
        new(description, today.AddDays(-30), today.AddDays(30), typeId, CampaignSituation.Active, classification, [], null, null, null, null);
}
