using Loyalty.Domain.Campaigns;
using Loyalty.Web.Features.Redemptions;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// A prize already taken at the counter: João da Silva redeemed a cap ("Boné do posto") of the fixed campaign at LJ01,
/// through the counter's own handler. Its request key is fixed, so running the seed again finds it instead of redeeming
/// twice.
/// </summary>
internal static class DemoRedemptions
{
    private static readonly Guid RequestKey = new("d3e0c0de-0000-4000-8000-000000000001");

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, Guid> storeIds, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LoyaltyDbContext>();
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Description == DemoCampaigns.Fixed).Select(c => (Guid?)c.Id)
            .SingleOrDefaultAsync(cancellationToken);
        var joao = await db.Customers.AsNoTracking().Where(c => c.Document == "52998224725").Select(c => c.Id).SingleAsync(cancellationToken);
        var cap = await db.Prizes.AsNoTracking()
            .Where(p => p.CampaignId == campaign && db.Products.Any(x => x.Id == p.ProductId && x.Code == "BONE"))
            .Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (campaign is null || cap is null)
        {
            return;
        }
        var result = await services.GetRequiredService<RedeemPrizes.Handler>().HandleAsync(joao, new RedeemPrizes.Command
        {
            StoreId = storeIds["LJ01"], CampaignId = campaign, RequestKey = RequestKey, Lines = [new RedeemPrizes.Line { PrizeId = cap.Value, Quantity = 1 }],
        }, cancellationToken);
        if (result is not { Succeeded: true })
        {
            throw new InvalidOperationException("The demo redemption was refused: " + string.Join("; ", result?.Errors.Select(e => e.Message) ?? []));
        }
    }
}
