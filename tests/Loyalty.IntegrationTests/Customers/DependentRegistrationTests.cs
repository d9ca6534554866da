using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Loyalty.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using static Loyalty.IntegrationTests.Customers.WizardTestData;

namespace Loyalty.IntegrationTests.Customers;

public sealed class DependentRegistrationTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private StaffClient _client = default!;
    private RegisterCustomer.Registered _titular = default!;
    private RegisterCustomer.Registered _dependentOfTitular = default!;

    public async Task InitializeAsync()
    {
        (_tenant, _, _, _client) = await App.CashierAsync($"dep{Guid.NewGuid():N}"[..10]);
        _titular = await App.RegisterTitularAsync(_tenant.Id, "Antônio da Conceição", 100);
        // Shares the name fragment: the search must still offer only the titular.
        _dependentOfTitular = await App.RegisterDependentAsync(_tenant.Id, _titular.CustomerId, "Bruna da Conceição", 101);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("conceicao")]   // a name fragment, without accent or capitals
    [InlineData("CONCEIÇÃO")]
    [InlineData("cpf")]         // the titular's CPF, punctuated
    [InlineData("card")]        // the titular's card number
    public async Task The_Titular_Is_Found_By_Name_Fragment_Cpf_Or_Card_And_Dependents_Are_Not_Offered(string query)
    {
        var wizard = await AtCardStepAsync(102);
        var typed = query switch
        {
            "cpf" => TestDocuments.FormattedCpf(100),
            "card" => _titular.CardNumber,
            _ => query,
        };

        await wizard.PressAsync("search", new Dictionary<string, string> { ["TitularQuery"] = typed });

        Assert.Equal(3, wizard.Step);
        Assert.Equal("", wizard.ErrorOf("TitularId")); // searching checks nothing
        var offered = wizard.Page.QuerySelectorAll("input[name=TitularId]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([_titular.CustomerId.ToString()], offered);
        Assert.DoesNotContain("Bruna", wizard.Html);
        Assert.Equal(_titular.CustomerId.ToString(), wizard.Field("TitularId")); // the only match comes chosen
    }

    [Fact]
    public async Task A_Dependents_Card_Finds_No_Titular()
    {
        var wizard = await AtCardStepAsync(103);

        await wizard.PressAsync("search", new Dictionary<string, string> { ["TitularQuery"] = _dependentOfTitular.CardNumber });

        Assert.Empty(wizard.Page.QuerySelectorAll("input[name=TitularId]"));
        Assert.Contains("Nenhum titular encontrado", wizard.Html);
    }

    [Fact]
    public async Task A_Dependent_Is_Saved_With_Their_Titular_And_Their_Own_Card()
    {
        var wizard = await AtCardStepAsync(104);
        await wizard.PressAsync("search", new Dictionary<string, string> { ["TitularQuery"] = "antonio" });
        await wizard.NextAsync(new Dictionary<string, string> { ["CardNumber"] = "" });
        Assert.Equal(4, wizard.Step);
        Assert.Contains("Antônio da Conceição", wizard.Page.QuerySelector("[data-testid=review-step-3]")!.TextContent);

        var id = IdFromLocation(await wizard.PressAsync("confirm"));

        var (dependent, cards) = await App.InTenantAsync(_tenant.Id, async db =>
            (await db.Customers.SingleAsync(c => c.Id == id), await db.Cards.Where(c => c.CustomerId == id).ToListAsync()));
        Assert.Equal(_titular.CustomerId, dependent.TitularId);
        Assert.Equal(RedeemScope.TitularOnly, dependent.RedeemScope);
        Assert.NotEqual(_titular.CardNumber, Assert.Single(cards).Number);
    }

    [Fact]
    public async Task A_Dependent_Cannot_Be_Chosen_As_Titular()
    {
        var wizard = await AtCardStepAsync(105);

        await wizard.NextAsync(new Dictionary<string, string> { ["TitularId"] = _dependentOfTitular.CustomerId.ToString() });

        Assert.Equal(3, wizard.Step);
        Assert.Equal("Um dependente não pode ter dependentes: escolha o titular.", wizard.ErrorOf("TitularId"));
    }

    [Fact]
    public async Task A_Dependent_Needs_A_Titular()
    {
        var wizard = await AtCardStepAsync(106);

        await wizard.NextAsync();

        Assert.Equal(3, wizard.Step);
        Assert.Equal("Escolha o titular deste dependente.", wizard.ErrorOf("TitularId"));
    }

    private async Task<WizardSession> AtCardStepAsync(int cpfSeed)
    {
        var wizard = await WizardSession.StartAsync(_client);
        var personal = Personal(TestDocuments.FormattedCpf(cpfSeed), $"Dependente {cpfSeed}", "2016-03-01");
        personal["IsDependent"] = "true";
        await wizard.NextAsync(personal);
        await wizard.NextAsync();
        Assert.Equal(3, wizard.Step);
        Assert.NotNull(wizard.Visible("TitularQuery"));
        Assert.Null(wizard.Visible("RedeemScope")); // "who can redeem" belongs to the titular
        return wizard;
    }
}
