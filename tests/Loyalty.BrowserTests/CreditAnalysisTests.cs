using System.Text.RegularExpressions;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Loyalty.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>The credit analyst's day on the pending list: one customer approved by score, one by hand within their
/// authority (alçada), and a limit above it refused with a message that names the authority.</summary>
public sealed class CreditAnalysisTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Analyst_Approves_By_Score_And_By_Hand_Within_Their_Authority_And_Is_Refused_Above_It() =>
        InBrowserAsync(async page =>
        {
            var app = Fixture.App;
            var tenant = await app.CreateTenantAsync("cr-browser");
            await app.InTenantAsync(tenant.Id, async db =>
            {
                (await db.ProgramSettings.SingleAsync()).ChangeCardFlow(CardFlow.LoyaltyAndCredit, 60);
                var set = CreditScoreSet.Create(new DateOnly(2020, 1, 1), 60, 1m, DateTimeOffset.UtcNow);
                set.ReplaceWeights(
                [
                    new(ScoreAttribute.ProvenIncome, ScoreAttributes.Yes, null, null, 40),
                    new(ScoreAttribute.MonthlyIncome, null, 0, 1999.99m, 0),
                    new(ScoreAttribute.MonthlyIncome, null, 2000, null, 50),
                ]);
                set.ReplaceBands([new(0, 59, 0m), new(60, null, 1500m)]);
                db.CreditScoreSets.Add(set);
                db.CreditModalities.Add(CreditModality.Create("Compras", DateTimeOffset.UtcNow));
                return await db.SaveChangesAsync();
            });
            await app.RegisterCustomerAsync(tenant.Id, new CustomerForm
            {
                Document = TestDocuments.Cpf(7101), Name = "Paula Pontuada", ProvenIncome = true, MonthlyIncome = 3000m,
            });
            await app.RegisterCustomerAsync(tenant.Id, new CustomerForm
            {
                Document = TestDocuments.Cpf(7102), Name = "Marcos Manual", MonthlyIncome = 800m,
            });
            var analyst = await app.CreateUserAsync(tenant.Id, StaffRole.CreditAnalyst);
            await app.InTenantAsync(tenant.Id, async db =>
            {
                (await db.Users.SingleAsync(u => u.Email == analyst)).ApprovalAuthority = 1000m;
                return await db.SaveChangesAsync();
            });

            await page.SignInAsync(tenant.Code, analyst, TestData.Password);
            await page.GotoAsync("/credito/analise");

            // By score: the suggested limit of the set in force (proven income 40 + income 50 = 90 → R$ 1.500,00).
            await Row(page, "Paula Pontuada").GetByTestId("analyse").ClickAsync();
            await page.GetByTestId("mode-Score").CheckAsync();
            await page.GetByTestId("approve").ClickAsync();
            await Expect(page.GetByTestId("flash-success")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/credito/analise$"));
            await Expect(Row(page, "Paula Pontuada")).ToHaveCountAsync(0);
            var byScore = await app.InTenantAsync(tenant.Id, db => db.CreditDecisions.SingleAsync());
            Assert.Equal((CreditAnalysisMode.Score, CreditOutcome.Approved, 1500m), (byScore.Mode, byScore.Outcome, byScore.Limit));

            // By hand above the authority: refused next to the field, naming the authority; what was typed stays.
            await Row(page, "Marcos Manual").GetByTestId("analyse").ClickAsync();
            await page.GetByTestId("mode-Manual").CheckAsync();
            await page.GetByLabel("Limite (análise manual)").FillAsync("1.200,00");
            await page.GetByTestId("approve").ClickAsync();
            await Expect(page.GetByText("O limite excede a sua alçada de R$ 1.000,00.")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Limite (análise manual)")).ToHaveValueAsync(new Regex("^1\\.?200(,00)?$"));
            Assert.Equal(CardStatus.Registered, await StatusAsync(tenant.Id, "Marcos Manual"));

            // Within the authority: approved.
            await page.GetByLabel("Limite (análise manual)").FillAsync("900,00");
            await page.GetByTestId("approve").ClickAsync();
            await Expect(page.GetByTestId("flash-success")).ToBeVisibleAsync();
            await Expect(Row(page, "Marcos Manual")).ToHaveCountAsync(0);
            Assert.Equal(CardStatus.CreditApproved, await StatusAsync(tenant.Id, "Marcos Manual"));
            var limit = await app.InTenantAsync(tenant.Id, db => db.CreditDecisions
                .Where(d => d.Mode == CreditAnalysisMode.Manual).Select(d => d.Limit).SingleAsync());
            Assert.Equal(900m, limit);
        });

    private static ILocator Row(IPage page, string name) => page.GetByTestId("analysis-row").Filter(new() { HasText = name });

    private Task<CardStatus> StatusAsync(Guid tenantId, string name) =>
        Fixture.App.InTenantAsync(tenantId, db => db.Cards
            .Where(c => db.Customers.Any(x => x.Id == c.CustomerId && x.Name == name)).Select(c => c.Status).SingleAsync());
}
