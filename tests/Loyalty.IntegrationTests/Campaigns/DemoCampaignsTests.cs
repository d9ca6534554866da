using System.Net;
using Loyalty.Domain.Campaigns;
using Loyalty.Testing;
using Loyalty.Web.Features.Campaigns;
using Loyalty.Web.Features.Demo;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Campaigns;

public sealed class DemoCampaignsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Seed_Demo_Should_Add_A_Fixed_And_A_Periodic_Campaign_Once()
    {
        var seeder = fixture.App.Services.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        await using var platform = fixture.App.PlatformScope();
        var tenantId = await platform.ServiceProvider.GetRequiredService<LoyaltyDbContext>()
            .Tenants.Where(t => t.Code == DemoSeeder.TenantCode).Select(t => t.Id).SingleAsync();
        var campaigns = await fixture.App.InTenantAsync(tenantId, db => db.Campaigns.AsNoTracking().WithRules().ToListAsync());
        Assert.Equal(["Fidelidade Combustível 2026", "Natal Premiado"], campaigns.Select(c => c.Description).Order());
        Assert.Equal(["Promocional"], await fixture.App.InTenantAsync(tenantId, db => db.CampaignTypes.Select(t => t.Name).ToListAsync()));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(campaigns, c => Assert.True(c.Situation == CampaignSituation.Active && c.StartDate <= today && today <= c.EndDate));
        Assert.All(campaigns, c => Assert.Equal([50m, 50m], c.Stores.Select(s => s.SharePercent)));

        var fixedOne = campaigns.Single(c => c.Classification == CampaignClassification.Fixed);
        Assert.Equal([2m, 2m], fixedOne.Concessions.Select(c => c.PointsPerReal));
        Assert.Equal(3, fixedOne.Prizes.Count);
        Assert.Single(fixedOne.Prizes, p => p.Stock is not null);

        var periodic = campaigns.Single(c => c.Classification == CampaignClassification.Periodic);
        Assert.Equal((1, 1, 1, 1, 2, 1), (periodic.ThresholdAwards.Count, periodic.ProductPoints.Count, periodic.StoreBonuses.Count,
            periodic.FrequencyBonuses.Count, periodic.Discounts.Count, periodic.GiftRules.Count));

        using var client = fixture.App.CreateStaffClient();
        await client.SignInOrThrowAsync(DemoSeeder.TenantCode, "admin@demo.local", DemoSeeder.Password);
        foreach (var campaign in campaigns)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/campanhas/{campaign.Id}")).StatusCode);
        }
    }
}
