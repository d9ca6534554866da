using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Testing;
using Loyalty.Web.Features.Credit;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Credit;

/// <summary>SPEC §8 credit analysis against the database: by score with the set in force, by hand within the analyst's
/// authority (refused above it, naming it), the limit split among modalities by percentages adding to 100, and the card
/// moving 06 → 07 or 08 together with its decision.</summary>
public sealed class CreditAnalysisTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private sealed record Setup(Guid TenantId, Guid Purchases, Guid Installments);

    private async Task<Setup> CreditTenantAsync(string code)
    {
        var tenant = await App.CreateTenantAsync(code);
        var ids = await App.InTenantAsync(tenant.Id, async db =>
        {
            var settings = await db.ProgramSettings.SingleAsync();
            settings.ChangeCardFlow(CardFlow.LoyaltyAndCredit, 60);
            var set = CreditScoreSet.Create(new DateOnly(2020, 1, 1), 60, 1.5m, DateTimeOffset.UtcNow);
            set.ReplaceWeights(
            [
                new(ScoreAttribute.MaritalStatus, (int)MaritalStatus.Married, null, null, 30),
                new(ScoreAttribute.MaritalStatus, (int)MaritalStatus.Unmarried, null, null, 5),
                new(ScoreAttribute.ProvenIncome, ScoreAttributes.Yes, null, null, 40),
                new(ScoreAttribute.MonthlyIncome, null, 0, 1999.99m, 0),
                new(ScoreAttribute.MonthlyIncome, null, 2000, null, 50),
            ]);
            set.ReplaceBands([new(0, 59, 0m), new(60, 99, 1000m), new(100, null, 2000m)]);
            db.CreditScoreSets.Add(set);
            var purchases = CreditModality.Create("Compras à vista", DateTimeOffset.UtcNow);
            var installments = CreditModality.Create("Parcelado", DateTimeOffset.UtcNow);
            db.CreditModalities.AddRange(purchases, installments);
            await db.SaveChangesAsync();
            return (purchases.Id, installments.Id);
        });
        return new Setup(tenant.Id, ids.Item1, ids.Item2);
    }

    private Task<NewCustomers.Registered> GoodApplicantAsync(Guid tenantId, string name) => App.AddCustomerAsync(tenantId, name, f =>
    {
        f.BirthDate = new DateOnly(1985, 5, 10);
        f.MaritalStatus = MaritalStatus.Married;
        f.ProvenIncome = true;
        f.MonthlyIncome = 3500m;
    });

    private Task<NewCustomers.Registered> WeakApplicantAsync(Guid tenantId, string name) => App.AddCustomerAsync(tenantId, name, f =>
    {
        f.MaritalStatus = MaritalStatus.Unmarried;
        f.MonthlyIncome = 900m;
    });

    private static CustomerAnalysis.Command Split(Setup setup, CreditAnalysisMode mode, decimal? limit = null, decimal first = 70m, decimal second = 30m) => new()
    {
        Mode = mode, ManualLimit = limit,
        Shares = [new() { ModalityId = setup.Purchases, Percent = first }, new() { ModalityId = setup.Installments, Percent = second }],
    };

    private async Task<Web.Features.Shared.CommandResult<CreditOutcome>> DecideAsync(Guid tenantId, Guid customerId, CustomerAnalysis.Command command,
        decimal authority, bool approve = true)
    {
        await using var scope = App.TenantScope(tenantId);
        var handler = scope.ServiceProvider.GetRequiredService<DecideCredit.Handler>();
        var analyst = new CreditAnalyst(null, "Analista Teste", authority, DateTimeOffset.UtcNow);
        var change = new CardChange(DateTimeOffset.UtcNow, null, "Analista Teste");
        return (approve
            ? await handler.ApproveAsync(customerId, command, analyst, change, CancellationToken.None)
            : await handler.RejectAsync(customerId, command, analyst, change, CancellationToken.None))!;
    }

    private Task<(CardStatus Status, List<CreditDecision> Decisions)> StateAsync(Guid tenantId, Guid customerId) =>
        App.InTenantAsync(tenantId, async db => (
            await db.Cards.Where(c => c.CustomerId == customerId).Select(c => c.Status).SingleAsync(),
            await db.CreditDecisions.Include(d => d.Shares).Where(d => d.CustomerId == customerId).ToListAsync()));

    [Fact]
    public async Task Approving_By_Score_Should_Give_The_Suggested_Limit_Split_Among_Modalities()
    {
        var setup = await CreditTenantAsync("cr-score");
        var customer = await GoodApplicantAsync(setup.TenantId, "Maria Aprovada");
        Assert.Equal(CardStatus.Registered, (await StateAsync(setup.TenantId, customer.Id)).Status);

        var result = await DecideAsync(setup.TenantId, customer.Id, Split(setup, CreditAnalysisMode.Score), authority: 0m);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var (status, decisions) = await StateAsync(setup.TenantId, customer.Id);
        Assert.Equal(CardStatus.CreditApproved, status);
        var decision = Assert.Single(decisions);
        Assert.Equal(120, decision.Score); // married 30 + proven 40 + income 50: band 100+ → 2000 × 1.5
        Assert.Equal(3000m, decision.Limit);
        Assert.Equal([2100m, 900m], decision.Shares.OrderByDescending(s => s.Percent).Select(s => s.Amount));
        Assert.True(await App.InTenantAsync(setup.TenantId, db => db.AuditEntries.AnyAsync(a => a.EntityType == "CreditDecision")));
    }

    [Fact]
    public async Task A_Manual_Limit_Within_Authority_Should_Approve_And_Above_It_Be_Refused_Naming_It()
    {
        var setup = await CreditTenantAsync("cr-manual");
        var customer = await WeakApplicantAsync(setup.TenantId, "João Manual");

        var refused = await DecideAsync(setup.TenantId, customer.Id, Split(setup, CreditAnalysisMode.Manual, 5000.01m), authority: 5000m);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(CustomerAnalysis.Command.ManualLimit), error.Field);
        Assert.Contains("5.000,00", error.Message, StringComparison.Ordinal);
        var untouched = await StateAsync(setup.TenantId, customer.Id);
        Assert.Equal(CardStatus.Registered, untouched.Status);
        Assert.Empty(untouched.Decisions);

        var approved = await DecideAsync(setup.TenantId, customer.Id, Split(setup, CreditAnalysisMode.Manual, 5000m), authority: 5000m);
        Assert.True(approved.Succeeded);
        var (status, decisions) = await StateAsync(setup.TenantId, customer.Id);
        Assert.Equal(CardStatus.CreditApproved, status);
        Assert.Equal(CreditAnalysisMode.Manual, Assert.Single(decisions).Mode);
        Assert.Equal(5000m, decisions[0].Limit);
    }

    [Fact]
    public async Task A_Split_Not_Adding_To_100_Should_Be_Refused_On_The_Split_And_Change_Nothing()
    {
        var setup = await CreditTenantAsync("cr-split");
        var customer = await GoodApplicantAsync(setup.TenantId, "Ana Percentual");

        var result = await DecideAsync(setup.TenantId, customer.Id, Split(setup, CreditAnalysisMode.Score, first: 70m, second: 20m), authority: 0m);

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(CustomerAnalysis.Command.Shares), error.Field);
        Assert.Contains("90", error.Message, StringComparison.Ordinal);
        Assert.Equal(CardStatus.Registered, (await StateAsync(setup.TenantId, customer.Id)).Status);
    }

    [Fact]
    public async Task Rejecting_By_Score_Should_Move_The_Card_To_08_With_The_Reasons_And_Allow_Reanalysis()
    {
        var setup = await CreditTenantAsync("cr-reject");
        var customer = await WeakApplicantAsync(setup.TenantId, "Pedro Reprovado");

        var byScore = await DecideAsync(setup.TenantId, customer.Id, Split(setup, CreditAnalysisMode.Score), authority: 0m);
        Assert.Equal(nameof(CustomerAnalysis.Command.Mode), Assert.Single(byScore.Errors).Field); // the score does not approve him
        var rejected = await DecideAsync(setup.TenantId, customer.Id, Split(setup, CreditAnalysisMode.Score), authority: 0m, approve: false);
        Assert.True(rejected.Succeeded);
        var (status, decisions) = await StateAsync(setup.TenantId, customer.Id);
        Assert.Equal(CardStatus.CreditNotApproved, status);
        var reasons = Assert.Single(decisions).Reasons;
        Assert.True(reasons.HasFlag(CreditRejection.BelowMinimumScore));
        Assert.True(reasons.HasFlag(CreditRejection.MonthlyIncome));

        // From the rejected list (08) a manual re-analysis approves.
        var again = await DecideAsync(setup.TenantId, customer.Id, Split(setup, CreditAnalysisMode.Manual, 800m), authority: 1000m);
        Assert.True(again.Succeeded);
        Assert.Equal(CardStatus.CreditApproved, (await StateAsync(setup.TenantId, customer.Id)).Status);
    }
}
