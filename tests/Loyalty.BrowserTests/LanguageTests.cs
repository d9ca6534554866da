using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Loyalty.Web.Features.Demo;

namespace Loyalty.BrowserTests;

public sealed class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task LanguageMenu_Should_SwitchTheWholeLayout_And_RememberTheChoiceOnTheUser() =>
        InBrowserAsync(async page =>
        {
            // A TenantAdmin of its own, so that the language left on the profile cannot leak into other tests.
            var email = await Fixture.App.CreateUserAsync(Fixture.DemoTenantId, StaffRole.TenantAdmin);
            await page.SignInAsync("demo", email, TestData.Password);
            var stores = page.GetByTestId("nav-stores");
            var language = page.GetByTestId("language-select");
            await Expect(stores).ToHaveTextAsync("Lojas");

            await language.SelectOptionAsync("en-US");
            await Expect(stores).ToHaveTextAsync("Stores");
            await Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Sign out");
            await Expect(language).ToHaveValueAsync("en-US");

            await language.SelectOptionAsync("es-MX");
            await Expect(stores).ToHaveTextAsync("Tiendas");
            await Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Salir");

            await language.SelectOptionAsync("pt-BR");
            await Expect(stores).ToHaveTextAsync("Lojas");
            await Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Sair");

            await language.SelectOptionAsync("es-MX");
            await Expect(stores).ToHaveTextAsync("Tiendas");
            await page.GetByTestId("sign-out").ClickAsync();
            await Expect(page.GetByTestId("sign-in-submit")).ToBeVisibleAsync();

            // Another browser has no culture cookie: only the user's profile can bring Spanish back.
            await using var otherBrowser = await Fixture.NewContextAsync();
            var other = await otherBrowser.NewPageAsync();
            await other.SignInAsync("demo", email, TestData.Password);
            await Expect(other.GetByTestId("nav-stores")).ToHaveTextAsync("Tiendas");
            await Expect(other.GetByTestId("language-select")).ToHaveValueAsync("es-MX");
        });

    [Fact]
    public Task SignInPage_Should_BeInPortuguese_When_TheBrowserAsksForAnotherLanguage() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/entrar");

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt-BR");
            await Expect(page.GetByTestId("sign-in-submit")).ToHaveTextAsync("Entrar");
        });

    [Fact]
    public Task SignInPage_Should_Switch_To_English_And_Keep_The_Company_And_Email_Typed() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/entrar");
            await page.GetByLabel("Empresa", new() { Exact = true }).FillAsync("demo");
            await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("admin@demo.local");
            await page.GetByLabel("Senha", new() { Exact = true }).FillAsync(DemoSeeder.Password);

            await page.GetByLabel("Idioma", new() { Exact = true }).SelectOptionAsync("en-US");

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
            await Expect(page.GetByTestId("sign-in-submit")).ToHaveTextAsync("Sign in");
            await Expect(page.GetByLabel("Company", new() { Exact = true })).ToHaveValueAsync("demo");
            await Expect(page.GetByLabel("E-mail", new() { Exact = true })).ToHaveValueAsync("admin@demo.local");
            await Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("");
            await Expect(page.GetByLabel("Language", new() { Exact = true })).ToHaveValueAsync("en-US");
        });
}
