using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>Activates, suspends or cancels a campaign from its summary, leaving the rest of its main data as it is.</summary>
public static class ChangeSituation
{
    public sealed class Command
    {
        public CampaignSituation Situation { get; set; }
    }

    public sealed class Handler(LoyaltyDbContext db)
    {
        /// <returns>False when the campaign does not exist in the tenant.</returns>
        public async Task<bool> HandleAsync(Guid id, Command command, CancellationToken cancellationToken)
        {
            if (await db.Campaigns.Include(c => c.Stores).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
            {
                return false;
            }
            campaign.Update(new CampaignTerms(campaign.Description, campaign.StartDate, campaign.EndDate, campaign.TypeId, command.Situation,
                campaign.Classification, campaign.CategoryIds, campaign.Observation, campaign.ForecastSales, campaign.ForecastProfit,
                campaign.ForecastCustomers));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
