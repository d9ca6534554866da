using System.Text.RegularExpressions;
using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

public sealed class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string InvalidMessage = "Empresa, e-mail ou senha inválidos.";

    [Fact]
    public Task SignIn_Should_ExplainAndKeepTheEmail_When_PasswordIsWrong() =>
        InBrowserAsync(async page =>
        {
            await page.FillSignInAsync("demo", "caixa@demo.local", "Wrong@2026!");

            await Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync(InvalidMessage);
            await Expect(page.GetByLabel("E-mail", new() { Exact = true })).ToHaveValueAsync("caixa@demo.local");
            await Expect(page.GetByLabel("Empresa", new() { Exact = true })).ToHaveValueAsync("demo");
            await Expect(page.GetByLabel("Senha", new() { Exact = true })).ToHaveValueAsync(string.Empty);
            await Expect(page.GetByTestId("main-menu")).ToHaveCountAsync(0);
        });

    [Fact]
    public Task SignIn_Should_GiveTheSameAnswer_When_CompanyIsUnknown() =>
        InBrowserAsync(async page =>
        {
            await page.FillSignInAsync("nope", "admin@demo.local", "Demo@2026!");

            await Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync(InvalidMessage);
            await Expect(page.GetByTestId("main-menu")).ToHaveCountAsync(0);
        });

    [Fact]
    public async Task SignIn_Should_GiveTheSameAnswer_When_TheAccountIsLocked_As_When_ItIsUnknown()
    {
        // A user of its own: locking a demo login would refuse it to the other tests (they share this address).
        var email = await Fixture.App.CreateUserAsync(Fixture.DemoTenantId, StaffRole.CreditAnalyst);
        await InBrowserAsync(async page =>
        {
            for (var i = 0; i < SignInLockout.MaxFailuresPerAddress; i++)
            {
                await page.FillSignInAsync("demo", email, "Wrong@2026!");
                await Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync(InvalidMessage);
            }

            await page.FillSignInAsync("demo", email, TestData.Password);
            var locked = await page.GetByTestId("sign-in-error").TextContentAsync();
            await page.FillSignInAsync("demo", "ninguem@demo.local", TestData.Password);
            var unknown = await page.GetByTestId("sign-in-error").TextContentAsync();

            Assert.Equal(InvalidMessage, locked?.Trim());
            Assert.Equal(locked, unknown);
            await Expect(page.GetByTestId("main-menu")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public Task SignOut_Should_ReturnToSignIn_And_ProtectPagesAgain() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "gerente@demo.local");

            await page.GetByTestId("sign-out").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/entrar$"));
            await Expect(page.GetByTestId("sign-in-submit")).ToBeVisibleAsync();
            await page.GotoAsync("/lojas");
            await Expect(page).ToHaveURLAsync(new Regex(@"/entrar\?ReturnUrl=%2Flojas$"));
            await Expect(page.GetByTestId("sign-in-submit")).ToBeVisibleAsync();
        });

    [Fact]
    public Task SignOut_Should_EndTheSession_When_TheOldCookieIsPlayedBack() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "gerente@demo.local");
            var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "loyalty.session");
            await page.GetByTestId("sign-out").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/entrar$"));

            await page.Context.AddCookiesAsync([new Cookie
            {
                Name = session.Name, Value = session.Value, Domain = session.Domain, Path = session.Path,
                Secure = session.Secure, HttpOnly = session.HttpOnly, SameSite = session.SameSite,
            }]);
            await page.GotoAsync("/lojas");

            await Expect(page).ToHaveURLAsync(new Regex(@"/entrar\?ReturnUrl=%2Flojas$"));
        });

    [Fact]
    public Task SignIn_Should_ReturnToTheRequestedPage() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/lojas");
            await Expect(page).ToHaveURLAsync(new Regex(@"/entrar\?ReturnUrl=%2Flojas$"));

            await page.GetByLabel("Empresa", new() { Exact = true }).FillAsync("demo");
            await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("caixa@demo.local");
            await page.GetByLabel("Senha", new() { Exact = true }).FillAsync("Demo@2026!");
            await page.GetByTestId("sign-in-submit").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/lojas$"));
            await Expect(page.GetByText("LJ01")).ToBeVisibleAsync();
        });
}
