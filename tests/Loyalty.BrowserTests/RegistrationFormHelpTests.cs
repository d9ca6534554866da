using System.Text.RegularExpressions;
using Loyalty.Testing;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>
/// Issue 10 "Registration": the screens mark what the server requires — the key fields and the demo tenant's mandatory
/// fields (birth date, gender, mobile phone) — and a dependent takes the titular's address and phone in one click.
/// </summary>
public sealed class RegistrationFormHelpTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Wizard_Should_MarkTheKeyFields_AndTheFieldsTheTenantMadeMandatory() =>
        InBrowserAsync(async page =>
        {
            await StartAsync(page);

            await Expect(page.GetByTestId("required-legend")).ToHaveTextAsync("* obrigatório");
            // A key field, always required.
            await Expect(page.Locator("label[for=Name] [data-required-mark]")).ToBeVisibleAsync();
            await Expect(page.Locator("#Name")).ToHaveAttributeAsync("aria-required", "true");
            await Expect(page.Locator("#Document")).ToHaveAttributeAsync("required", "required");
            // Gender is required by the demo tenant's setting, and a screen reader hears it in the field's name.
            await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Gênero obrigatório" })).ToHaveAttributeAsync("aria-required", "true");
            await Expect(page.Locator("label[for=Gender] [data-required-mark]")).ToBeVisibleAsync();
            // Mother's name is not.
            await Expect(page.Locator("label[for=MotherName] [data-required-mark]")).ToHaveCountAsync(0);
            await Expect(page.Locator("#MotherName")).Not.ToHaveAttributeAsync("aria-required", "true");

            await page.Locator("#Document").PressSequentiallyAsync(TestDocuments.Cpf(9111));
            await page.Locator("#Name").FillAsync("Rita Marques");
            await page.Locator("#Gender").SelectOptionAsync(new SelectOptionValue { Label = "Feminino" });
            await page.Locator("#BirthDate").FillAsync("1988-09-09");
            await page.GetByTestId("wizard-next").ClickAsync();

            await Expect(page.GetByTestId("wizard-title")).ToHaveTextAsync("Informações de contato (2/3)");
            await Expect(page.Locator("label[for=MobilePhone] [data-required-mark]")).ToBeVisibleAsync();
            await Expect(page.Locator("#MobilePhone")).ToHaveAttributeAsync("required", "required");
            await Expect(page.Locator("label[for=Email] [data-required-mark]")).ToHaveCountAsync(0);
            await Expect(page.Locator("#Email")).Not.ToHaveAttributeAsync("required", "required");
        });

    [Fact]
    public Task Dependent_Should_TakeTheTitularsAddressAndPhone_WithTheKeyboard_AndKeepThemEditable() =>
        InBrowserAsync(async page =>
        {
            await StartAsync(page);
            await page.Keyboard.TypeAsync(TestDocuments.Cpf(9112));
            await page.Locator("#Name").FillAsync("Clara da Silva");
            await page.Locator("#Gender").SelectOptionAsync(new SelectOptionValue { Label = "Feminino" });
            await page.Locator("#BirthDate").FillAsync("2014-02-02");
            await page.GetByLabel("Cliente dependente").CheckAsync();
            await page.GetByTestId("wizard-next").ClickAsync();

            // The titular is chosen on the next screen: the contact step says where the copy is.
            await Expect(page.GetByTestId("copy-titular-contact-hint")).ToBeVisibleAsync();
            await page.Locator("#MobilePhone").PressSequentiallyAsync("11911112222");
            await page.Locator("#Email").FillAsync("clara@example.com");
            await page.Keyboard.PressAsync("Enter");
            var search = page.GetByLabel("Buscar o titular");
            await search.FillAsync("joão da silva");
            await search.PressAsync("Enter");
            await Expect(page.GetByTestId("titular-candidates").GetByRole(AriaRole.Radio)).ToBeCheckedAsync();

            var copyOnCardStep = page.GetByRole(AriaRole.Button, new() { Name = "Copiar endereço e telefone do titular" });
            await copyOnCardStep.FocusAsync();
            await page.Keyboard.PressAsync("Enter");

            // Back on the contact step with the titular's city and phone; what the cashier typed elsewhere stays.
            await Expect(page.GetByTestId("wizard-title")).ToHaveTextAsync("Informações de contato (2/3)");
            await Expect(page.GetByTestId("titular-contact-copied")).ToContainTextAsync("Endereço e telefone do titular copiados");
            await Expect(page.Locator("#City")).ToHaveValueAsync("São Paulo");
            await Expect(page.Locator("#MobilePhone")).ToHaveValueAsync("(11) 98765-4321");
            await Expect(page.Locator("#Email")).ToHaveValueAsync("clara@example.com");

            // Editable, and the same button here (no page load) puts the titular's values back.
            await page.Locator("#MobilePhone").PressAsync("ControlOrMeta+a");
            await page.Locator("#MobilePhone").PressSequentiallyAsync("11933334444");
            await page.Locator("#City").FillAsync("Osasco");
            await Expect(page.Locator("#MobilePhone")).ToHaveValueAsync("(11) 93333-4444");
            var copyHere = page.GetByTestId("copy-titular-contact");
            await copyHere.FocusAsync();
            await page.Keyboard.PressAsync("Space");
            await Expect(page.Locator("#City")).ToHaveValueAsync("São Paulo");
            await Expect(page.Locator("#MobilePhone")).ToHaveValueAsync("(11) 98765-4321");
            await Expect(page.Locator("#Email")).ToHaveValueAsync("clara@example.com");
            await Expect(page.Locator("[data-copy-status]")).ToHaveTextAsync(new Regex("copiados"));

            await page.Locator("#MobilePhone").PressAsync("Enter");
            await Expect(page.GetByTestId("wizard-title")).ToHaveTextAsync("Informações do Cartão Fidelidade (3/3)");
        });

    [Fact]
    public Task Dependents_Edit_Screen_Should_CopyTheTitularsAddressAndPhone_IntoTheFieldsOnly() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "caixa@demo.local");
            await page.GotoAsync("/clientes?q=maria eduarda");
            await page.GetByRole(AriaRole.Link, new() { Name = "Maria Eduarda da Silva" }).ClickAsync();
            await page.GetByTestId("edit-customer").ClickAsync();
            await Expect(page.GetByTestId("required-legend")).ToBeVisibleAsync();
            await page.Locator("#Name").FillAsync("Maria Eduarda da Silva Souza");
            await page.Locator("#MobilePhone").PressAsync("ControlOrMeta+a");
            await page.Locator("#MobilePhone").PressSequentiallyAsync("21999998888");
            await Expect(page.Locator("#MobilePhone")).ToHaveValueAsync("(21) 99999-8888");

            await page.GetByRole(AriaRole.Button, new() { Name = "Copiar endereço e telefone do titular" }).ClickAsync();

            await Expect(page.Locator("#MobilePhone")).ToHaveValueAsync("(11) 98765-4321");
            await Expect(page.Locator("#City")).ToHaveValueAsync("São Paulo");
            await Expect(page.Locator("#Name")).ToHaveValueAsync("Maria Eduarda da Silva Souza");
        });

    private static async Task StartAsync(IPage page)
    {
        await page.SignInAsync("demo", "caixa@demo.local");
        await page.GetByTestId("nav-register-customer").ClickAsync();
        await Expect(page.GetByTestId("wizard-title")).ToHaveTextAsync("Informações Pessoais (1/3)");
    }
}
