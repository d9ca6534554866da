using Loyalty.Domain.Cards;
using Loyalty.Domain.Cards.Embossing;
using Loyalty.Domain.Credit;
using Loyalty.Testing;
using Loyalty.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Cards;

/// <summary>seed-demo's second tenant, `credito`: the "loyalty and credit" flow, one user per role, a score set in force,
/// customers waiting in 06, approved (07) and rejected (08) by the analyst, an agreement company, one delivered batch
/// (cards 01) and one at the embosser (cards 09) — and a rerun that changes nothing.</summary>
public sealed class DemoCreditTenantTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed record Figures(CardFlow Flow, int Customers, int History, int Agreements, int UnderAgreement,
        int Registered, int Approved, int Rejected, int Issued, int Active, int Sets, int SetsInForce, int Modalities,
        int ApprovedDecisions, int RejectedDecisions, int BelowMinimum, int Shares, string Batches, int WaitingWhoWouldPass,
        int Purchases, long Points);

    [Fact]
    public async Task SeedDemo_Should_CreateTheCreditTenant_Once_WithTheWholeBackOfficeAtWork()
    {
        var seeder = fixture.App.Services.GetRequiredService<DemoSeeder>();
        var logins = await seeder.SeedAsync(CancellationToken.None);
        var once = await FiguresAsync();
        await seeder.SeedAsync(CancellationToken.None);
        var twice = await FiguresAsync();

        Assert.Equal(once, twice);
        Assert.Equal((CardFlow.LoyaltyAndCredit, 16), (twice.Flow, twice.Customers));
        // Cards per status: 06 waiting, 07 approved (two by the agreement), 08 rejected, 09 at the embosser, 01 delivered.
        Assert.Equal((4, 4, 3, 2, 3), (twice.Registered, twice.Approved, twice.Rejected, twice.Issued, twice.Active));
        // One history entry per card issued, per decision, per card embossed and per card received.
        Assert.Equal(16 + 10 + 5 + 3, twice.History);
        Assert.Equal((1, 2), (twice.Agreements, twice.UnderAgreement));
        Assert.Equal((1, 1, 2), (twice.Sets, twice.SetsInForce, twice.Modalities));
        // Seven approved by score with the limit split between two modalities; three rejected below the minimum score.
        Assert.Equal((7, 3, 3, 14), (twice.ApprovedDecisions, twice.RejectedDecisions, twice.BelowMinimum, twice.Shares));
        Assert.Equal("3 delivered; 2 in progress", twice.Batches);
        // The analyst has both kinds to try among the waiting customers; a delivered card earned points.
        Assert.Equal(3, twice.WaitingWhoWouldPass);
        Assert.Equal(1, twice.Purchases);
        Assert.True(twice.Points > 0);
        Assert.Equal(5, logins.Count(l => l.TenantCode == "credito"));
        Assert.Contains(logins, l => l.TenantCode == "credito" && l.Email == "credito@credito.local");

        using var client = fixture.App.CreateStaffClient();
        await client.SignInOrThrowAsync("credito", "credito@credito.local", DemoSeeder.Password);
        var home = await client.Http.GetStringAsync("/");
        Assert.Contains("data-testid=\"desk-count-pending-analysis\">4<", home, StringComparison.Ordinal);
        Assert.Equal(DemoCreditTenant.AnalystAuthority, await fixture.App.InTenantAsync(await TenantIdAsync(),
            db => db.Users.Where(u => u.Email == "credito@credito.local").Select(u => u.ApprovalAuthority).SingleAsync()));
    }

    private async Task<Figures> FiguresAsync()
    {
        var tenantId = await TenantIdAsync();
        return await fixture.App.InTenantAsync(tenantId, async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var set = await db.CreditScoreSets.Include(s => s.Weights).Include(s => s.Bands).SingleAsync();
            var waiting = await db.Customers.Where(c => db.Cards.Any(k => k.CustomerId == c.Id && k.Status == CardStatus.Registered))
                .Select(c => new { c.Credit, c.BirthDate }).ToListAsync();
            var batches = await db.Set<EmbossingBatch>().OrderBy(b => b.Number).Select(b => new { b.CardCount, b.DeliveredAt }).ToListAsync();
            return new Figures(
                (await db.ProgramSettings.SingleAsync()).CardFlow,
                await db.Customers.CountAsync(),
                await db.CardHistory.CountAsync(),
                await db.AgreementCompanies.CountAsync(c => c.Cnpj == "11222333000181" && c.NameOnEmbosserFile),
                await db.Customers.CountAsync(c => c.AgreementCompanyId != null),
                await db.Cards.CountAsync(k => k.Status == CardStatus.Registered),
                await db.Cards.CountAsync(k => k.Status == CardStatus.CreditApproved),
                await db.Cards.CountAsync(k => k.Status == CardStatus.CreditNotApproved),
                await db.Cards.CountAsync(k => k.Status == CardStatus.PlasticIssued),
                await db.Cards.CountAsync(k => k.Status == CardStatus.Active),
                await db.CreditScoreSets.CountAsync(),
                await db.CreditScoreSets.CountAsync(s => s.EffectiveFrom < today && s.Weights.Any() && s.Bands.Any()),
                await db.CreditModalities.CountAsync(m => m.IsActive),
                await db.CreditDecisions.CountAsync(d => d.Outcome == CreditOutcome.Approved && d.Mode == CreditAnalysisMode.Score && d.Limit > 0),
                await db.CreditDecisions.CountAsync(d => d.Outcome == CreditOutcome.Rejected),
                (await db.CreditDecisions.Where(d => d.Outcome == CreditOutcome.Rejected).Select(d => d.Reasons).ToListAsync())
                    .Count(r => r.HasFlag(CreditRejection.BelowMinimumScore)),
                await db.CreditDecisions.SelectMany(d => d.Shares).CountAsync(),
                string.Join("; ", batches.Select(b => $"{b.CardCount} {(b.DeliveredAt is null ? "in progress" : "delivered")}")),
                waiting.Count(c => CreditScore.Compute(set, new CreditApplicant(c.Credit, c.BirthDate, today)).Approved),
                await db.Purchases.CountAsync(),
                await db.Purchases.SumAsync(p => p.PointsEarned));
        });
    }

    private async Task<Guid> TenantIdAsync()
    {
        await using var scope = fixture.App.PlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<Loyalty.Web.Infrastructure.Persistence.LoyaltyDbContext>();
        return await db.Tenants.Where(t => t.Code == "credito").Select(t => t.Id).SingleAsync();
    }
}
