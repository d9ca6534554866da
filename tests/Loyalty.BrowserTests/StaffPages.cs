using Loyalty.Web.Features.Demo;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>What a person does on the sign-in page, by its visible labels (pt-BR, the language before anyone signs in).</summary>
internal static class StaffPages
{
    public static async Task FillSignInAsync(this IPage page, string? company, string email, string password)
    {
        await page.GotoAsync("/entrar");
        await page.GetByLabel("Empresa", new() { Exact = true }).FillAsync(company ?? string.Empty);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Senha", new() { Exact = true }).FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
    }

    /// <summary>Signs in and waits for the signed-in layout.</summary>
    public static async Task SignInAsync(this IPage page, string? company, string email, string password = DemoSeeder.Password)
    {
        await page.FillSignInAsync(company, email, password);
        // Attached rather than visible: on a phone the role sits in the collapsed menu.
        await Assertions.Expect(page.GetByTestId("current-role")).ToBeAttachedAsync();
    }
}
