using System.Text.RegularExpressions;
using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Loyalty.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.BrowserTests;

/// <summary>WCAG 2 AA as axe-core checks it: the main page of every role, the customer list and profile, and every
/// state of the registration wizard. Any serious or critical violation fails, with the list of what and where.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<StaffRole, string?, string> Homes => new()
    {
        { StaffRole.TenantAdmin, "demo", "admin@demo.local" },
        { StaffRole.StoreManager, "demo", "gerente@demo.local" },
        { StaffRole.Cashier, "demo", "caixa@demo.local" },
        { StaffRole.CreditAnalyst, "demo", "credito@demo.local" },
        { StaffRole.CardOperator, "demo", "cartoes@demo.local" },
        { StaffRole.PlatformAdmin, null, DemoSeeder.PlatformEmail },
    };

    [Theory]
    [MemberData(nameof(Homes))]
    public Task HomePage_Should_HaveNoSeriousViolations(StaffRole role, string? company, string email) =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync(company, email);

            await page.ExpectNoSeriousViolationsAsync($"home of {role}");
        }, test: $"{nameof(HomePage_Should_HaveNoSeriousViolations)}_{role}");

    [Fact]
    public Task CustomerListAndProfile_Should_HaveNoSeriousViolations() =>
        InBrowserAsync(async page =>
        {
            var customerId = await Fixture.App.InTenantAsync(Fixture.DemoTenantId,
                db => db.Customers.Where(c => c.Name == "João da Silva").Select(c => c.Id).FirstAsync());
            await page.SignInAsync("demo", "admin@demo.local");

            await page.GotoAsync("/clientes");
            await page.ExpectNoSeriousViolationsAsync("customer list");
            await page.GotoAsync("/clientes?q=jo%C3%A3o");
            await page.ExpectNoSeriousViolationsAsync("customer list with results");
            await page.GotoAsync($"/clientes/{customerId}");
            await page.ExpectNoSeriousViolationsAsync("customer profile");
        });

    [Fact]
    public Task RegistrationWizard_Should_HaveNoSeriousViolations_NameEachStep_SummariseErrors_AndFocusTheConfirmation() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "caixa@demo.local");
            await page.GotoAsync("/clientes/novo");
            await Expect(page).ToHaveTitleAsync("Cadastrar cliente — Passo 1 de 3: Dados pessoais — Loyalty");
            await page.ExpectNoSeriousViolationsAsync("wizard step 1");

            // A failed step: an alert sums up the errors, each linking to its field, and the title says so.
            await page.GetByTestId("wizard-next").ClickAsync();
            var summary = page.GetByTestId("wizard-errors");
            await Expect(summary).ToHaveAttributeAsync("role", "alert");
            await Expect(page).ToHaveTitleAsync(new Regex("^Erro: Cadastrar cliente — Passo 1 de 3"));
            var toName = summary.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Nome completo / razão social", Exact = false });
            await Expect(toName).ToHaveAttributeAsync("href", "#Name");
            await page.ExpectNoSeriousViolationsAsync("wizard step 1 with errors");

            await page.GetByRole(Microsoft.Playwright.AriaRole.Textbox, new() { Name = "CPF obrigatório", Exact = true }).PressSequentiallyAsync(TestDocuments.Cpf(9377));
            await page.GetByRole(Microsoft.Playwright.AriaRole.Textbox, new() { Name = "Nome completo / razão social obrigatório", Exact = true }).FillAsync("Helena Prado");
            await page.GetByLabel("Gênero").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Feminino" });
            await page.GetByLabel("Data de nascimento").FillAsync("1985-02-11");
            await page.GetByTestId("wizard-next").ClickAsync();
            await Expect(page).ToHaveTitleAsync("Cadastrar cliente — Passo 2 de 3: Contato — Loyalty");
            await Expect(page.GetByTestId("wizard-errors")).ToHaveCountAsync(0);
            await page.ExpectNoSeriousViolationsAsync("wizard step 2");

            await page.GetByLabel("Celular").PressSequentiallyAsync("11987651234");
            await page.GetByTestId("wizard-next").ClickAsync();
            await Expect(page).ToHaveTitleAsync("Cadastrar cliente — Passo 3 de 3: Cartão fidelidade — Loyalty");
            await page.ExpectNoSeriousViolationsAsync("wizard step 3");

            await page.GetByTestId("wizard-next").ClickAsync();
            await Expect(page).ToHaveTitleAsync("Cadastrar cliente — Revisão — Loyalty");
            await page.ExpectNoSeriousViolationsAsync("wizard review");

            await page.GetByTestId("wizard-confirm").ClickAsync();
            await Expect(page.GetByTestId("customer-name")).ToContainTextAsync("Helena Prado");
            await Expect(page.GetByTestId("flash-success")).ToBeFocusedAsync();
            await page.ExpectNoSeriousViolationsAsync("profile after registering");
        });
}
