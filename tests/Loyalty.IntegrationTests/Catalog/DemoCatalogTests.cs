using Loyalty.Testing;
using Loyalty.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Catalog;

public sealed class DemoCatalogTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Seed_Demo_Should_Add_The_Demo_Catalogue_Once()
    {
        var seeder = fixture.App.Services.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        await using var platform = fixture.App.PlatformScope();
        var tenantId = await platform.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>()
            .Tenants.Where(t => t.Code == DemoSeeder.TenantCode).Select(t => t.Id).SingleAsync();
        var products = await fixture.App.InTenantAsync(tenantId, db => db.Products.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync());
        Assert.Equal(["AGUA500", "BONE", "CANECA", "DIES", "ETAN", "GASA", "GASC", "LAVAG", "OLEO1L", "REFRI350"], products);
        Assert.Equal(["COMB", "CONV", "SERV"], await fixture.App.InTenantAsync(tenantId, db => db.Departments.OrderBy(d => d.Code).Select(d => d.Code).ToListAsync()));
        var oil = await fixture.App.InTenantAsync(tenantId, db => db.Products.SingleAsync(p => p.Code == "OLEO1L"));
        Assert.Equal("LUB", await fixture.App.InTenantAsync(tenantId, db => db.Sections.Where(s => s.Id == oil.SectionId).Select(s => s.Code).SingleAsync()));
    }
}
