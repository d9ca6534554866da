using Loyalty.Domain.Cards;
using Loyalty.Testing;
using Loyalty.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Cards;

/// <summary>seed-demo's second tenant, `credito`: the "loyalty and credit" flow, one user per role, customers in 06, an agreement company with two customers in 07.</summary>
public sealed class DemoCreditTenantTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task SeedDemo_Should_CreateTheCreditTenant_Once_WithCustomersWaitingForAnalysis()
    {
        var seeder = fixture.App.Services.GetRequiredService<DemoSeeder>();
        var logins = await seeder.SeedAsync(CancellationToken.None);
        var once = await FiguresAsync();
        await seeder.SeedAsync(CancellationToken.None);
        var twice = await FiguresAsync();

        Assert.Equal(once, twice);
        Assert.Equal((CardFlow.LoyaltyAndCredit, 8, 6, 8), (twice.Flow, twice.Customers, twice.Registered, twice.History));
        // The agreement company, once, with its two customers whose cards skipped the analysis.
        Assert.Equal((1, 2, 2), (twice.Agreements, twice.UnderAgreement, twice.CreditApproved));
        Assert.Equal(5, logins.Count(l => l.TenantCode == "credito"));
        Assert.Contains(logins, l => l.TenantCode == "credito" && l.Email == "credito@credito.local");

        using var client = fixture.App.CreateStaffClient();
        await client.SignInOrThrowAsync("credito", "credito@credito.local", DemoSeeder.Password);
        var home = await client.Http.GetStringAsync("/");
        Assert.Contains("data-testid=\"desk-count-pending-analysis\">6<", home, StringComparison.Ordinal);
    }

    private async Task<(CardFlow Flow, int Customers, int Registered, int History, int Agreements, int UnderAgreement, int CreditApproved)> FiguresAsync()
    {
        var tenantId = await TenantIdAsync();
        return await fixture.App.InTenantAsync(tenantId, async db => (
            (await db.ProgramSettings.SingleAsync()).CardFlow,
            await db.Customers.CountAsync(),
            await db.Cards.CountAsync(k => k.Status == CardStatus.Registered),
            await db.CardHistory.CountAsync(),
            await db.AgreementCompanies.CountAsync(c => c.Cnpj == "11222333000181" && c.NameOnEmbosserFile),
            await db.Customers.CountAsync(c => c.AgreementCompanyId != null),
            await db.Cards.CountAsync(k => k.Status == CardStatus.CreditApproved)));
    }

    private async Task<Guid> TenantIdAsync()
    {
        await using var scope = fixture.App.PlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>();
        return await db.Tenants.Where(t => t.Code == "credito").Select(t => t.Id).SingleAsync();
    }
}
