using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

public sealed class StoreFormTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task CreateStore_Should_ShowTheErrorNextToTheCode_KeepTheName_And_SaveOnceCorrected() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            await page.GotoAsync("/lojas/nova");
            var code = page.GetByLabel("Código da loja", new() { Exact = true });
            var name = page.GetByLabel("Nome da loja", new() { Exact = true });

            await code.FillAsync("LOJA 1");
            await name.FillAsync("Loja Praça Nova");
            await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();

            const string message = "Use de 1 a 6 letras ou números, sem espaços.";
            await Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
            var feedbackId = await code.GetAttributeAsync("aria-describedby");
            await Expect(page.Locator($"[id='{feedbackId}']")).ToHaveTextAsync(message);
            await Expect(page.Locator("div.mb-3", new() { Has = code })).ToContainTextAsync(message);
            await Expect(page.Locator("div.mb-3", new() { Has = name })).Not.ToContainTextAsync(message);
            await Expect(code).ToHaveValueAsync("LOJA 1");
            await Expect(name).ToHaveValueAsync("Loja Praça Nova");

            await code.FillAsync("lj9");
            await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/lojas/[0-9a-f-]{36}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("LJ9 — Loja Praça Nova");
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Loja criada.");
            await Expect(page.GetByTestId("store-status")).ToHaveTextAsync("Ativo");
        });
}
