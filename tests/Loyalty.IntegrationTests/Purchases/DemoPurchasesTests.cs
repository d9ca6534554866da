using Loyalty.Domain.Purchases;
using Loyalty.Testing;
using Loyalty.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Purchases;

public sealed class DemoPurchasesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Seed_Demo_Should_Add_Purchases_Once_With_One_Waiting_For_Audit_And_The_Dependent_Earning_For_The_Titular()
    {
        var seeder = fixture.App.Services.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        await using var platform = fixture.App.PlatformScope();
        var tenantId = await platform.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>()
            .Tenants.Where(t => t.Code == DemoSeeder.TenantCode).Select(t => t.Id).SingleAsync();
        var purchases = await fixture.App.InTenantAsync(tenantId, db => db.Purchases.AsNoTracking().ToListAsync());
        Assert.Equal(7, purchases.Count);
        var pending = Assert.Single(purchases, p => p.PointsStatus == PointsStatus.PendingAudit);
        Assert.Equal(AuditReason.MaxPurchaseAmount, pending.AuditReasons);
        var joao = await fixture.App.InTenantAsync(tenantId, db => db.Customers.Where(c => c.Document == "52998224725").Select(c => c.Id).SingleAsync());
        // João is Ouro (× 2): 247 × 2 + 227 × 2, and his dependent Maria Eduarda's 11 × 2 go to his account.
        var balance = await fixture.App.InTenantAsync(tenantId, db => db.PointsAccounts.Where(a => a.Id == joao).Select(a => a.Balance).SingleAsync());
        Assert.Equal(494 + 454 + 22, balance);
    }
}
