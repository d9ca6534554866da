using System.Net;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;
using Loyalty.Web.Features.Credit;
using Loyalty.Web.Features.Credit.AnalyseAll;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Credit;

/// <summary>"Analisar todos": every pending (06) customer decided by score through the one-customer decision, with a
/// run record and a result page; a rerun decides nobody twice; a customer decided by hand before the job reaches them
/// is skipped; without a set in force the button is refused.</summary>
public sealed class AnalyseAllTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private sealed record Setup(Guid TenantId, StaffClient Analyst, Guid Good, Guid WeakA, Guid WeakB) : IDisposable
    {
        public void Dispose() => Analyst.Dispose();
    }

    private async Task<Setup> SetupAsync(string code, bool withSet = true)
    {
        var tenant = await App.CreateTenantAsync(code);
        await App.InTenantAsync(tenant.Id, async db =>
        {
            (await db.ProgramSettings.SingleAsync()).ChangeCardFlow(CardFlow.LoyaltyAndCredit, 60);
            if (withSet)
            {
                var set = CreditScoreSet.Create(new DateOnly(2020, 1, 1), 60, 1m, DateTimeOffset.UtcNow);
                set.ReplaceWeights(
                [
                    new(ScoreAttribute.ProvenIncome, ScoreAttributes.Yes, null, null, 40),
                    new(ScoreAttribute.MonthlyIncome, null, 0, 1999.99m, 0),
                    new(ScoreAttribute.MonthlyIncome, null, 2000, null, 50),
                ]);
                set.ReplaceBands([new(0, 59, 0m), new(60, null, 1500m)]);
                db.CreditScoreSets.Add(set);
            }
            db.CreditModalities.AddRange(CreditModality.Create("Compras", DateTimeOffset.UtcNow),
                CreditModality.Create("Parcelado", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var good = await App.AddCustomerAsync(tenant.Id, "Ana Aprovável", f => { f.ProvenIncome = true; f.MonthlyIncome = 3000m; });
        var weakA = await App.AddCustomerAsync(tenant.Id, "Bruno Fraco", f => f.MonthlyIncome = 800m);
        var weakB = await App.AddCustomerAsync(tenant.Id, "Carla Fraca", f => f.MonthlyIncome = 900m);
        var email = await App.CreateUserAsync(tenant.Id, StaffRole.CreditAnalyst);
        return new Setup(tenant.Id, await App.SignInAsync(tenant.Code, email), good.Id, weakA.Id, weakB.Id);
    }

    private static async Task<HttpResponseMessage> RequestAsync(Setup s)
    {
        var page = await s.Analyst.GetPageAsync("/credito/analise");
        var key = page.ValueOf("requestKey")!;
        return await s.Analyst.PostFormFromPageAsync("/credito/analise", "/credito/analise/analisar-todos",
            new Dictionary<string, string> { ["requestKey"] = key });
    }

    private async Task RunJobAsync(Guid tenantId, Guid key)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnalyseAllJob>().RunAsync(tenantId, key, CancellationToken.None);
    }

    private Task<List<CreditDecision>> DecisionsAsync(Guid tenantId) =>
        App.InTenantAsync(tenantId, db => db.CreditDecisions.Include(d => d.Shares).ToListAsync());

    private Task<CardStatus> StatusAsync(Guid tenantId, Guid customerId) =>
        App.InTenantAsync(tenantId, db => db.Cards.Where(c => c.CustomerId == customerId).Select(c => c.Status).SingleAsync());

    private static Guid KeyOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/credito/analise/analisar-todos/", location, StringComparison.Ordinal);
        return Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
    }

    [Fact]
    public async Task Analysing_All_Should_Approve_And_Reject_By_Score_And_A_Rerun_Decide_Nobody_Twice()
    {
        using var s = await SetupAsync("cr-all");
        var key = KeyOf(await RequestAsync(s));
        var queued = await s.Analyst.Http.GetStringAsync($"/credito/analise/analisar-todos/{key}");
        Assert.Contains("data-testid=\"analyse-all-running\"", queued, StringComparison.Ordinal);

        await RunJobAsync(s.TenantId, key);

        Assert.Equal(CardStatus.CreditApproved, await StatusAsync(s.TenantId, s.Good));
        Assert.Equal(CardStatus.CreditNotApproved, await StatusAsync(s.TenantId, s.WeakA));
        Assert.Equal(CardStatus.CreditNotApproved, await StatusAsync(s.TenantId, s.WeakB));
        var decisions = await DecisionsAsync(s.TenantId);
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(key, d.RunId));
        var approved = Assert.Single(decisions, d => d.Outcome == CreditOutcome.Approved);
        Assert.Equal(1500m, approved.Limit); // proven 40 + income 50 = 90: band 60+ → 1500 × 1
        Assert.Equal(1500m, approved.Shares.Sum(x => x.Amount));
        Assert.Equal([50m, 50m], approved.Shares.Select(x => x.Percent));
        Assert.All(decisions.Where(d => d.Outcome == CreditOutcome.Rejected),
            d => Assert.True(d.Reasons.HasFlag(CreditRejection.BelowMinimumScore)));

        var run = await App.InTenantAsync(s.TenantId, db => db.Set<CreditAnalysisRun>().SingleAsync(r => r.Id == key));
        Assert.Equal((CreditAnalysisRunStatus.Completed, 3, 3, 1, 2, 0), (run.Status, run.Total, run.Processed, run.Approved, run.Rejected, run.Skipped));
        var result = await s.Analyst.Http.GetStringAsync($"/credito/analise/analisar-todos/{key}");
        Assert.Contains("data-testid=\"analyse-all-done\"", result, StringComparison.Ordinal);
        Assert.Contains($"href=\"/credito/analise/{s.Good}\"", result, StringComparison.Ordinal);
        Assert.Contains("R$ 1.500,00", result, StringComparison.Ordinal);
        Assert.Contains("Carla Fraca", result, StringComparison.Ordinal);
        Assert.Contains($"href=\"/credito/analise/analisar-todos/{key}\"", await s.Analyst.Http.GetStringAsync("/credito/analise"),
            StringComparison.Ordinal); // the latest run stays one click away from the list
        Assert.DoesNotContain(key.ToString(), result.Replace($"/analisar-todos/{key}", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // A new pending customer arrives, then the same run's job is duplicated: nothing is decided again.
        var late = await App.AddCustomerAsync(s.TenantId, "Davi Tardio", f => f.MonthlyIncome = 100m);
        await RunJobAsync(s.TenantId, key);
        Assert.Equal(3, (await DecisionsAsync(s.TenantId)).Count);
        Assert.Equal(CardStatus.Registered, await StatusAsync(s.TenantId, late.Id));

        // The same form submitted again leads to the same run and enqueues nothing new.
        var again = await s.Analyst.PostFormFromPageAsync("/credito/analise", "/credito/analise/analisar-todos",
            new Dictionary<string, string> { ["requestKey"] = key.ToString() });
        Assert.Equal(key, KeyOf(again));
        Assert.Equal(1, await App.InTenantAsync(s.TenantId, db => db.Set<CreditAnalysisRun>().CountAsync()));
    }

    [Fact]
    public async Task A_Customer_Decided_By_Hand_Before_The_Job_Reaches_Them_Should_Be_Skipped()
    {
        using var s = await SetupAsync("cr-allskip");
        var key = KeyOf(await RequestAsync(s));
        await using (var scope = App.TenantScope(s.TenantId))
        {
            var decide = scope.ServiceProvider.GetRequiredService<DecideCredit.Handler>();
            var result = await decide.RejectAsync(s.WeakA, new CustomerAnalysis.Command { Mode = CreditAnalysisMode.Manual },
                new CreditAnalyst(null, "Analista", 0m, DateTimeOffset.UtcNow), new CardChange(DateTimeOffset.UtcNow, null, "Analista"),
                CancellationToken.None);
            Assert.True(result!.Succeeded);
        }

        await RunJobAsync(s.TenantId, key);

        var decisions = await DecisionsAsync(s.TenantId);
        var byHand = Assert.Single(decisions, d => d.CustomerId == s.WeakA);
        Assert.Null(byHand.RunId);
        Assert.Equal(2, decisions.Count(d => d.RunId == key));
        var run = await App.InTenantAsync(s.TenantId, db => db.Set<CreditAnalysisRun>().SingleAsync(r => r.Id == key));
        Assert.Equal((3, 1, 1), (run.Processed, run.Approved, run.Rejected));
        Assert.Equal(1, run.Skipped);
    }

    [Fact]
    public async Task Without_A_Set_In_Force_The_Button_Should_Be_Refused_With_A_Clear_Message()
    {
        using var s = await SetupAsync("cr-allnone", withSet: false);

        var response = await RequestAsync(s);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/credito/analise", response.Headers.Location!.OriginalString);
        var list = WebUtility.HtmlDecode(await s.Analyst.Http.GetStringAsync("/credito/analise"));
        Assert.Contains("Não há parâmetros de credit score em vigor", list, StringComparison.Ordinal);
        Assert.Equal(0, await App.InTenantAsync(s.TenantId, db => db.Set<CreditAnalysisRun>().CountAsync()));
        Assert.Equal(CardStatus.Registered, await StatusAsync(s.TenantId, s.Good));
    }
}
