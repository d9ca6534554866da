using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>SPEC §12: an admin reads the audit log as the business — the record by its name, the fields by their screen
/// labels, the values as the screens write them — and meets no id and no JSON.</summary>
public sealed partial class AuditLogTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task ACategoryChange_Should_ReadWithTheScreenLabels_And_FormattedValues() =>
        InBrowserAsync(async page =>
        {
            var name = $"Ouro {Guid.NewGuid().ToString("N")[..6]}";
            await page.SignInAsync("demo", "admin@demo.local");
            await page.GotoAsync("/categorias/nova");
            await page.GetByLabel("Nome da categoria", new() { Exact = true }).FillAsync(name);
            await page.GetByLabel("Fator multiplicativo", new() { Exact = true }).FillAsync("1,5");
            await page.GetByLabel("Validade dos pontos (dias)", new() { Exact = true }).FillAsync("30");
            await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await page.GetByLabel("Fator multiplicativo", new() { Exact = true }).FillAsync("2");
            await page.GetByLabel("Validade dos pontos (dias)", new() { Exact = true }).FillAsync("60");
            await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();

            await page.GetByTestId("nav-audit").ClickAsync();
            await page.GetByLabel("Registro", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Categoria" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Filtrar" }).ClickAsync();

            var change = page.GetByTestId("audit-row").Filter(new() { HasText = "Alteração" }).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name }) });
            await Expect(change).ToHaveCountAsync(1);
            await Expect(change).ToContainTextAsync("Fator multiplicativo 1,5 → 2");
            await Expect(change).ToContainTextAsync("Validade dos pontos (dias) 30 dias → 60 dias");
            await Expect(change).ToContainTextAsync("Ana Administradora");
            var text = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotMatch(GuidRegex(), text);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            await page.ExpectNoSeriousViolationsAsync("audit log filtered by category");

            await change.GetByTestId("audit-detail-link").ClickAsync();
            await Expect(page.GetByTestId("audit-detail-field").Filter(new() { HasText = "Fator multiplicativo" })).ToContainTextAsync("1,5");
            Assert.DoesNotMatch(GuidRegex(), await page.Locator("main").InnerTextAsync());
            await page.ExpectNoSeriousViolationsAsync("one change of the audit log");
        });

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidRegex();
}
