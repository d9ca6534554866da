using Loyalty.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Campaigns;

public static class CampaignQueries
{
    /// <summary>The campaign with its stores and every kind of rule: what its rules check each other against (a rule's store
    /// participates, the classification changes only without rules).</summary>
    public static IQueryable<Campaign> WithRules(this IQueryable<Campaign> campaigns) =>
        campaigns.AsSplitQuery().Include(c => c.Stores).Include(c => c.Concessions).Include(c => c.Prizes).Include(c => c.ThresholdAwards)
            .Include(c => c.ProductPoints).Include(c => c.StoreBonuses).Include(c => c.FrequencyBonuses).Include(c => c.Discounts)
            .Include(c => c.GiftRules);
}
