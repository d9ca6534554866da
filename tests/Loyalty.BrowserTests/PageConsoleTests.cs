namespace Loyalty.BrowserTests;

/// <summary>
/// Every page of the back-office loads without an error in the browser's console: a CSP refusal (an inline style or
/// script) or a failing script shows there first. Each page is opened by a TenantAdmin, who sees them all.
/// </summary>
public sealed class PageConsoleTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Pages =
    [
        "/", "/clientes", "/clientes/novo", "/compras", "/resgates", "/bloqueios", "/auditoria-pontos", "/categorias",
        "/produtos", "/campanhas", "/campanhas/nova", "/configuracoes/cadastro", "/lojas", "/usuarios", "/chaves-api",
        "/fechamento-diario", "/auditoria",
    ];

    [Fact]
    public Task Pages_Should_LoadWithoutConsoleErrors_Or_AStrayBulletFromAnEmptyValidationSummary() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            foreach (var url in Pages)
            {
                await page.GotoAsync(url);
                await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.Load);

                // The framework's empty summary is <ul><li style="display:none">: the CSP refuses the style, and the
                // empty item shows as a red bullet.
                await Expect(page.Locator(".validation-summary-valid")).ToHaveCountAsync(0);
            }
        });
}
