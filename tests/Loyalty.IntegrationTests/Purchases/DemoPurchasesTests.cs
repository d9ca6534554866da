using Loyalty.Domain.Purchases;
using Loyalty.Testing;
using Loyalty.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Purchases;

public sealed class DemoPurchasesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Seed_Demo_Should_Add_Months_Of_Purchases_A_Redemption_And_A_Gift_Once()
    {
        var seeder = fixture.App.Services.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync(CancellationToken.None);
        var once = await FiguresAsync();
        await seeder.SeedAsync(CancellationToken.None);
        var twice = await FiguresAsync();

        Assert.Equal(once, twice);
        var (purchases, redemptions, openGifts, joaoBalance, joaoLedger, pending) = twice;
        // The week's POS purchases, four months of history for four customers, and the gift purchase.
        Assert.InRange(purchases, 7 + 30, 7 + 80);
        Assert.Equal(1, redemptions);
        Assert.Equal(1, openGifts);
        Assert.Equal(joaoLedger, joaoBalance);
        Assert.True(joaoBalance > 0);
        Assert.Equal(AuditReason.MaxPurchaseAmount, pending);
    }

    private async Task<(int Purchases, int Redemptions, int OpenGifts, long JoaoBalance, long JoaoLedger, string? Pending)> FiguresAsync()
    {
        await using var platform = fixture.App.PlatformScope();
        var tenantId = await platform.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>()
            .Tenants.Where(t => t.Code == DemoSeeder.TenantCode).Select(t => t.Id).SingleAsync();
        return await fixture.App.InTenantAsync(tenantId, async db =>
        {
            var joao = await db.Customers.Where(c => c.Document == "52998224725").Select(c => c.Id).SingleAsync();
            return (
                await db.Purchases.CountAsync(),
                await db.Redemptions.CountAsync(r => r.CustomerId == joao && r.CancelledAt == null),
                await db.GiftVouchers.CountAsync(v => v.AccountId == joao && v.DeliveredAt == null && v.VoidedAt == null),
                await db.PointsAccounts.Where(a => a.Id == joao).Select(a => a.Balance).SingleAsync(),
                await db.LedgerEntries.Where(e => e.AccountId == joao).SumAsync(e => e.Points),
                await db.Purchases.Where(p => p.PointsStatus == PointsStatus.PendingAudit).Select(p => p.AuditReasons).SingleAsync());
        });
    }
}
