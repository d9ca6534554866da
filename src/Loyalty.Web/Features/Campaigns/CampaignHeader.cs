using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>What every tab of a campaign shows above its form: which campaign, its period, situation and classification
/// (the classification decides which tabs exist).</summary>
public sealed record CampaignHeader(
    Guid Id, string Description, DateOnly StartDate, DateOnly EndDate, CampaignSituation Situation, CampaignClassification Classification)
{
    public bool IsFixed => Classification == CampaignClassification.Fixed;

    /// <returns>Null when the campaign does not exist in the tenant (the query filter hides other tenants' campaigns).</returns>
    public static Task<CampaignHeader?> LoadAsync(LoyaltyDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CampaignHeader(c.Id, c.Description, c.StartDate, c.EndDate, c.Situation, c.Classification))
            .SingleOrDefaultAsync(cancellationToken);

    public static CampaignHeader Of(Campaign c) => new(c.Id, c.Description, c.StartDate, c.EndDate, c.Situation, c.Classification);
}
