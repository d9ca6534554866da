using System.Text.RegularExpressions;
using Loyalty.Testing;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>
/// The counter wizard as a cashier of the demo tenant uses it: keyboard only, masks as they type, a failed step that
/// keeps everything, then the new customer's profile, and the list that finds them. The demo requires gender, birth
/// date and mobile phone.
/// </summary>
public sealed class CustomerRegistrationTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly Regex ProfileUrl = new("/clientes/[0-9a-f-]{36}$");

    [Fact]
    public Task Cashier_Should_RegisterATitular_WithTheKeyboard_AfterABadCpf_WithoutLosingAnything() =>
        InBrowserAsync(async page =>
        {
            await StartAsync(page);
            var cpf = page.GetByRole(AriaRole.Textbox, new() { Name = "CPF obrigatório", Exact = true });
            var name = page.GetByRole(AriaRole.Textbox, new() { Name = "Nome completo / razão social obrigatório", Exact = true });
            await Expect(cpf).ToBeFocusedAsync();

            await page.Keyboard.TypeAsync("12345678900");
            await Expect(cpf).ToHaveValueAsync("123.456.789-00");
            await name.FillAsync("Fernanda Lima");
            await page.GetByLabel("Gênero").SelectOptionAsync(new SelectOptionValue { Label = "Feminino" });
            await page.GetByLabel("Data de nascimento").FillAsync("1990-05-20");
            await name.PressAsync("Enter");

            await Expect(cpf).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#Document-feedback")).ToHaveTextAsync("CPF inválido: confira os números digitados.");
            await Expect(cpf).ToBeFocusedAsync();
            await Expect(cpf).ToHaveValueAsync("123.456.789-00");
            await Expect(name).ToHaveValueAsync("Fernanda Lima");
            await Expect(page.GetByLabel("Gênero")).ToHaveValueAsync("Female");
            await Expect(page.GetByLabel("Data de nascimento")).ToHaveValueAsync("1990-05-20");

            await cpf.FillAsync("");
            await cpf.PressSequentiallyAsync(TestDocuments.Cpf(9101));
            await cpf.PressAsync("Enter");
            await Expect(page.GetByTestId("wizard-title")).ToHaveTextAsync("Informações de contato (2/3)");
            await Expect(page.GetByLabel("CEP")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("01310100");
            await Expect(page.GetByLabel("CEP")).ToHaveValueAsync("01310-100");
            await page.GetByLabel("Celular").PressSequentiallyAsync("11987650000");
            await Expect(page.GetByLabel("Celular")).ToHaveValueAsync("(11) 98765-0000");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("wizard-title")).ToHaveTextAsync("Informações do Cartão Fidelidade (3/3)");
            await Expect(page.GetByLabel("Número do cartão fidelidade")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByTestId("wizard-title")).ToHaveTextAsync("Revisão");
            await Expect(page.GetByTestId("review-step-1")).ToContainTextAsync("Fernanda Lima");
            await Expect(page.GetByTestId("wizard-confirm")).ToBeFocusedAsync();

            await page.Keyboard.PressAsync("Enter");

            // The profile of the new customer, with the card number to hand over in the confirmation.
            await Expect(page).ToHaveURLAsync(ProfileUrl);
            await Expect(page.GetByTestId("customer-name")).ToContainTextAsync("Fernanda Lima");
            await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync(new Regex(@"Cliente cadastrado\. Cartão fidelidade: 6062\d{12}\."));

            // And the list finds her by a name fragment.
            await page.GotoAsync("/clientes?q=fernanda");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Fernanda Lima" })).ToBeVisibleAsync();
        });

    [Fact]
    public Task Company_Switch_Should_RelabelAndMaskTheAlphanumericCnpj_AndOfferTheCustomerAlreadyRegistered() =>
        InBrowserAsync(async page =>
        {
            await StartAsync(page);

            await page.GetByText("Pessoa jurídica").ClickAsync();
            var cnpj = page.GetByRole(AriaRole.Textbox, new() { Name = "CNPJ obrigatório", Exact = true });
            await Expect(cnpj).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Data de nascimento")).ToBeHiddenAsync();
            await Expect(page.GetByLabel("Gênero")).ToBeHiddenAsync();
            await cnpj.PressSequentiallyAsync("12abc34501de35");
            await Expect(cnpj).ToHaveValueAsync("12.ABC.345/01DE-35");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Nome completo / razão social obrigatório", Exact = true }).FillAsync("Outra Transportadora");
            await cnpj.PressAsync("Enter");

            // The demo's "Transportes Rodovia Ltda" holds this CNPJ: the cashier is offered that customer.
            await Expect(page.Locator("#Document-feedback")).ToContainTextAsync("Já existe um cliente com este CPF/CNPJ.");
            await Expect(page.GetByTestId("existing-customer")).ToHaveAttributeAsync("href", ProfileUrl);
            await Expect(cnpj).ToHaveValueAsync("12.ABC.345/01DE-35");
        });

    [Fact]
    public Task Cashier_Should_RegisterADependent_FindingTheTitularByANameFragment() =>
        InBrowserAsync(async page =>
        {
            await StartAsync(page);
            await page.Keyboard.TypeAsync(TestDocuments.Cpf(9102));
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Nome completo / razão social obrigatório", Exact = true }).FillAsync("Pedro da Silva");
            await page.GetByLabel("Gênero").SelectOptionAsync(new SelectOptionValue { Label = "Masculino" });
            await page.GetByLabel("Data de nascimento").FillAsync("2016-03-01");
            await page.GetByLabel("Cliente dependente").CheckAsync();
            await page.GetByTestId("wizard-next").ClickAsync();
            await page.GetByLabel("Celular").PressSequentiallyAsync("11987650001");
            await page.Keyboard.PressAsync("Enter");

            var search = page.GetByLabel("Buscar o titular");
            await search.FillAsync("silva");
            await search.PressAsync("Enter");

            var candidates = page.GetByTestId("titular-candidates");
            await Expect(candidates).ToContainTextAsync("João da Silva");
            await Expect(candidates).Not.ToContainTextAsync("Maria Eduarda"); // a dependent is never offered as titular
            await Expect(candidates.GetByRole(AriaRole.Radio)).ToBeCheckedAsync();
            await page.GetByLabel("Número do cartão fidelidade").PressAsync("Enter");
            await Expect(page.GetByTestId("review-step-3")).ToContainTextAsync("João da Silva");
            await page.GetByTestId("wizard-confirm").ClickAsync();

            // The dependent's profile names the titular.
            await Expect(page).ToHaveURLAsync(ProfileUrl);
            await Expect(page.GetByTestId("customer-name")).ToContainTextAsync("Pedro da Silva");
            await Expect(page.GetByTestId("titular")).ToContainTextAsync("João da Silva");
        });

    /// <summary>Signs in as the demo cashier and opens the wizard from the menu.</summary>
    private static async Task StartAsync(IPage page)
    {
        await page.SignInAsync("demo", "caixa@demo.local");
        await page.GetByTestId("nav-register-customer").ClickAsync();
        await Expect(page.GetByTestId("wizard-title")).ToHaveTextAsync("Informações Pessoais (1/3)");
    }
}
