using System.Globalization;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>Numbers are typed the way the screens show them: "1.200" points in Portuguese is twelve hundred.</summary>
public sealed class NumberEntryTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Admin_Should_Adjust_Points_Typed_With_The_Thousands_Point() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            await page.GetByTestId("nav-customers").ClickAsync();
            await page.GetByLabel("Buscar cliente").FillAsync("Carlos Pereira");
            await page.GetByTestId("search").ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Carlos Pereira" }).ClickAsync();
            var before = Points(await page.GetByTestId("points-balance").InnerTextAsync());

            await page.GetByTestId("adjust-points").ClickAsync();
            var points = page.GetByLabel("Pontos", new() { Exact = true });
            await points.FillAsync("12abc");
            await page.GetByLabel("Motivo", new() { Exact = true }).FillAsync("Bônus de aniversário da loja");
            await page.GetByTestId("confirm-adjust").ClickAsync();
            // A bad number is said next to the field, in the language's own example, and what was typed stays.
            await Expect(page.GetByText("\"12abc\" não é um número. Escreva, por exemplo, 1.200.")).ToBeVisibleAsync();
            await Expect(points).ToHaveValueAsync("12abc");
            await Expect(page.GetByLabel("Motivo", new() { Exact = true })).ToHaveValueAsync("Bônus de aniversário da loja");

            await points.FillAsync("1.200");
            await page.GetByTestId("confirm-adjust").ClickAsync();

            await Expect(page.GetByTestId("points-balance")).ToHaveTextAsync((before + 1200).ToString("N0", CultureInfo.GetCultureInfo("pt-BR")));
        });

    private static long Points(string shown) => long.Parse(shown, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("pt-BR"));
}
