using System.Net;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Credit;

/// <summary>The credit screens as a credit analyst and a TenantAdmin use them: the lists, one customer's analysis,
/// the authority refusal next to the field, the parameter set form and another tenant's customer answering 404.</summary>
public sealed class CreditScreensTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task An_Analyst_Should_Be_Refused_Above_Their_Authority_And_Approve_Within_It()
    {
        var tenant = await App.CreateTenantAsync("cr-screen");
        var modality = await App.InTenantAsync(tenant.Id, async db =>
        {
            (await db.ProgramSettings.SingleAsync()).ChangeCardFlow(CardFlow.LoyaltyAndCredit, 60);
            var m = CreditModality.Create("Compras", DateTimeOffset.UtcNow);
            db.CreditModalities.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var customer = await App.AddCustomerAsync(tenant.Id, "Clara Pendente", f => f.MonthlyIncome = 2500m);
        var analystEmail = await App.CreateUserAsync(tenant.Id, StaffRole.CreditAnalyst);
        await App.InTenantAsync(tenant.Id, async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == analystEmail);
            user.ApprovalAuthority = 1000m;
            return await db.SaveChangesAsync();
        });
        using var analyst = await App.SignInAsync(tenant.Code, analystEmail);

        var list = await analyst.Http.GetStringAsync("/credito/analise");
        Assert.Contains("Clara Pendente", list, StringComparison.Ordinal);
        var page = $"/credito/analise/{customer.Id}";
        var screen = await analyst.Http.GetStringAsync(page);
        Assert.Contains("data-testid=\"no-score-set\"", screen, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["Command.Mode"] = "Manual", ["Command.ManualLimit"] = "1.500,00",
            ["Command.Shares[0].ModalityId"] = modality.ToString(), ["Command.Shares[0].Percent"] = "100",
        };
        var refused = await analyst.PostFormFromPageAsync(page, $"{page}/aprovar", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("R$ 1.000,00", body, StringComparison.Ordinal);
        Assert.Contains("1.500,00", body, StringComparison.Ordinal); // what was typed stays

        fields["Command.ManualLimit"] = "1.000,00";
        var approved = await analyst.PostFormFromPageAsync(page, $"{page}/aprovar", fields);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(CardStatus.CreditApproved, await App.InTenantAsync(tenant.Id, db => db.Cards.Where(c => c.CustomerId == customer.Id).Select(c => c.Status).SingleAsync()));

        var other = await App.CreateTenantAsync("cr-other");
        var stranger = await App.AddCustomerAsync(other.Id, "Outro Tenant");
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.Http.GetAsync($"/credito/analise/{stranger.Id}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await analyst.Http.GetAsync("/credito/parametros")).StatusCode); // parameters are the admin's
    }

    [Fact]
    public async Task An_Admin_Should_Save_A_Parameter_Set_And_Be_Told_Of_A_Gap_Between_Bands()
    {
        var tenant = await App.CreateTenantAsync("cr-params");
        using var admin = await App.SignInAsync(tenant.Code, tenant.AdminEmail);
        Assert.Contains("data-testid=\"score-set-form\"", await admin.Http.GetStringAsync("/credito/parametros/novo"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"modalities-table\"", await admin.Http.GetStringAsync("/credito/modalidades"), StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["EffectiveFrom"] = "2026-01-01", ["MinimumScore"] = "50", ["CurrencyIndex"] = "1,5",
            ["Weights[0].Attribute"] = "MaritalStatus", ["Weights[0].Option"] = "2", ["Weights[0].Points"] = "30",
            ["Weights[1].Attribute"] = "Age", ["Weights[1].RangeFrom"] = "18", ["Weights[1].RangeTo"] = "", ["Weights[1].Points"] = "20",
            ["Bands[0].ScoreFrom"] = "0", ["Bands[0].ScoreTo"] = "49", ["Bands[0].Limit"] = "0",
            ["Bands[1].ScoreFrom"] = "60", ["Bands[1].ScoreTo"] = "", ["Bands[1].Limit"] = "1.000,00",
        };
        var gap = await admin.PostFormFromPageAsync("/credito/parametros/novo", "/credito/parametros/novo", fields);
        Assert.Equal(HttpStatusCode.OK, gap.StatusCode);
        Assert.Contains("sem faixa", await gap.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["Bands[1].ScoreFrom"] = "50";
        var saved = await admin.PostFormFromPageAsync("/credito/parametros/novo", "/credito/parametros/novo", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var set = await App.InTenantAsync(tenant.Id, db => db.CreditScoreSets.Include(s => s.Weights).Include(s => s.Bands).SingleAsync());
        Assert.Equal(1.5m, set.CurrencyIndex);
        Assert.Equal(2, set.Weights.Count);
        Assert.Null(set.Bands.OrderBy(b => b.ScoreFrom).Last().ScoreTo);
        Assert.Contains("data-testid=\"score-set-row\"", await admin.Http.GetStringAsync("/credito/parametros"), StringComparison.Ordinal);
    }
}
