using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// Reads the campaigns a purchase may earn from, for the tenant's cached <see cref="Domain.Purchases.EarningRules"/>:
/// every Active campaign that has not ended more than the POS's 7-day contingency ago (plus a day for time zones), with
/// its stores and earning rules, and the codes and descriptions of the products those rules name (purchases carry codes,
/// rules carry product ids). Campaigns starting later are included too: the rules check the period at each purchase, so
/// the passing of time never needs a reload — only a change does (<see cref="Infrastructure.Persistence.Interceptors.CacheInvalidationInterceptor"/>).
/// </summary>
public static class ActiveCampaigns
{
    public static async Task<CampaignRuleSet> LoadAsync(LoyaltyDbContext db, decimal defaultPointsPerReal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaigns = await Query(db, now).ToListAsync(cancellationToken);
        var ids = ProductIds(campaigns);
        var products = ids.Count == 0 ? []
            : await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new Named(p.Id, p.Code, p.Description)).ToListAsync(cancellationToken);
        return RuleSet(defaultPointsPerReal, campaigns, products);
    }

    private static IQueryable<Campaign> Query(LoyaltyDbContext db, DateTimeOffset now)
    {
        var since = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-8));
        return db.Campaigns.AsNoTracking()
            .Where(c => c.Situation == CampaignSituation.Active && c.EndDate >= since)
            .Include(c => c.Stores).Include(c => c.Concessions).Include(c => c.ThresholdAwards).Include(c => c.ProductPoints)
            .Include(c => c.StoreBonuses).Include(c => c.FrequencyBonuses).Include(c => c.Discounts).Include(c => c.GiftRules)
            .AsSplitQuery();
    }

    private static List<Guid> ProductIds(List<Campaign> campaigns) =>
        campaigns.SelectMany(c => c.ProductPoints.Select(r => r.ProductId)
                .Concat(c.Discounts.Select(r => r.ProductId))
                .Concat(c.GiftRules.SelectMany(r => new[] { r.ProductId, r.GiftProductId })))
            .Distinct().ToList();

    private static CampaignRuleSet RuleSet(decimal defaultPointsPerReal, List<Campaign> campaigns, List<Named> products) =>
        new(defaultPointsPerReal, campaigns, products.ToDictionary(p => p.Id, p => p.Code), products.ToDictionary(p => p.Id, p => p.Description));

    private sealed record Named(Guid Id, string Code, string Description);
}
