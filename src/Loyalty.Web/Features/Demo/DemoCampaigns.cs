using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// The demo program's campaigns (SPEC §6): a fixed one giving points per R$ on fuel with a prize catalogue, and a periodic
/// one with every kind of periodic rule. Both are active around today so the counter and the POS can use them. Seeded
/// after the demo purchases, which keep the points they earned without campaigns. Idempotent: a campaign that exists (by
/// description) is left as it is.
/// </summary>
internal static class DemoCampaigns
{
    public const string Fixed = "Fidelidade Combustível 2026";
    public const string Periodic = "Natal Premiado";

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, Guid> storeIds, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LoyaltyDbContext>();
        var type = await db.CampaignTypes.SingleOrDefaultAsync(t => t.Name == "Promocional", cancellationToken)
                   ?? db.CampaignTypes.Add(CampaignType.Create("Promocional", now)).Entity;
        var existing = await db.Campaigns.Where(c => c.Description == Fixed || c.Description == Periodic).Select(c => c.Description)
            .ToListAsync(cancellationToken);
        var products = await db.Products.ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var stores = new[] { storeIds["LJ01"], storeIds["LJ02"] };
        if (!existing.Contains(Fixed))
        {
            var fuel = await db.Departments.Where(d => d.Code == "COMB").Select(d => d.Id).SingleAsync(cancellationToken);
            var campaign = Create(Fixed, new DateOnly(today.Year, today.Month, 1).AddMonths(-2), today.AddMonths(6), type.Id, CampaignClassification.Fixed,
                "Pontos em dobro no combustível: 2 pontos por R$ 1,00 nas duas lojas.", stores, now);
            campaign.SetConcessions(stores.Select(s => new ConcessionTerms(s, fuel, null, 2m)));
            db.Prizes.Add(campaign.AddPrize(products["CANECA"], 800, 20, now));
            db.Prizes.Add(campaign.AddPrize(products["BONE"], 500, null, now));
            db.Prizes.Add(campaign.AddPrize(products["LAVAG"], 1500, null, now));
            db.Campaigns.Add(campaign);
        }
        if (!existing.Contains(Periodic))
        {
            var campaign = Create(Periodic, today.AddDays(-14), today.AddMonths(2), type.Id, CampaignClassification.Periodic,
                "Bônus de fim de ano: litros de gasolina aditivada, visitas frequentes e água de brinde.", stores, now);
            campaign.SetThresholdAwards([(campaign.StartDate, campaign.EndDate, 1000, 200)]);
            campaign.SetProductPoints([(products["GASA"], 1m)]);
            campaign.SetStoreBonuses([(storeIds["LJ02"], 20)]);
            campaign.SetFrequencyBonuses([(4, 100m, 30, 50)]);
            campaign.SetDiscounts([(products["AGUA500"], null, 10m), (products["REFRI350"], storeIds["LJ02"], 15m)]);
            campaign.SetGiftRules([(products["GASC"], 40m, products["AGUA500"], 1)]);
            db.Campaigns.Add(campaign);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Campaign Create(string description, DateOnly start, DateOnly end, Guid typeId, CampaignClassification classification,
        string observation, Guid[] stores, DateTimeOffset now) =>
        Campaign.Create(new CampaignTerms(description, start, end, typeId, CampaignSituation.Active, classification, [], observation,
            50_000m, 10_000m, 400), now, stores.Select(s => new CampaignStoreTerms(s, null, null, null, null, 50m)));
}
