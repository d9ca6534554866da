using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// The campaigns a purchase may earn from, cached per tenant (the purchase path must not re-read them for every coupon):
/// every Active campaign that has not ended more than the POS's 7-day contingency ago, with its stores and rules, and the
/// codes of the products those rules name. A change to a campaign evicts the tenant's entry on this server at once
/// (<see cref="CampaignRulesInvalidation"/>); other servers pick it up within <see cref="TimeToLive"/>. Dates are not a
/// reason to reload: the entry holds campaigns that start later too, and the rules check the period at each purchase.
/// </summary>
public sealed class CampaignRules(IMemoryCache cache)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    public async Task<CampaignRuleSet> ForAsync(LoyaltyDbContext db, decimal defaultPointsPerReal, CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        var campaigns = await cache.GetOrCreateAsync(Key(tenantId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeToLive;
            entry.Size = 1;
            return LoadAsync(db, cancellationToken);
        }) ?? throw new InvalidOperationException("The campaign rules could not be loaded.");
        return new CampaignRuleSet(defaultPointsPerReal, campaigns.Campaigns, campaigns.ProductCodes, campaigns.ProductDescriptions);
    }

    public void Evict(Guid tenantId) => cache.Remove(Key(tenantId));

    private static string Key(Guid tenantId) => $"campaign-rules:{tenantId:N}";

    private static async Task<Loaded> LoadAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var since = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-8));
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Situation == CampaignSituation.Active && c.EndDate >= since)
            .Include(c => c.Stores).Include(c => c.Concessions).Include(c => c.ThresholdAwards).Include(c => c.ProductPoints)
            .Include(c => c.StoreBonuses).Include(c => c.FrequencyBonuses).Include(c => c.Discounts).Include(c => c.GiftRules)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var productIds = campaigns.SelectMany(c => c.ProductPoints.Select(r => r.ProductId)
                .Concat(c.Discounts.Select(r => r.ProductId))
                .Concat(c.GiftRules.SelectMany(r => new[] { r.ProductId, r.GiftProductId })))
            .Distinct().ToList();
        var products = productIds.Count == 0 ? []
            : await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => new { p.Id, p.Code, p.Description })
                .ToListAsync(cancellationToken);
        return new Loaded(campaigns, products.ToDictionary(p => p.Id, p => p.Code), products.ToDictionary(p => p.Id, p => p.Description));
    }

    private sealed record Loaded(
        IReadOnlyList<Campaign> Campaigns, IReadOnlyDictionary<Guid, string> ProductCodes, IReadOnlyDictionary<Guid, string> ProductDescriptions);
}
