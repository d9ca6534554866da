using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

public sealed class CampaignFormTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Admin_Should_Create_A_Campaign_And_Share_It_Between_Two_Stores() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            await page.GetByTestId("nav-campaigns").ClickAsync();
            await page.GetByTestId("new-campaign").ClickAsync();
            await page.GetByLabel("Descrição da campanha", new() { Exact = true }).FillAsync("Campanha do navegador");
            await page.GetByLabel("Data inicial", new() { Exact = true }).FillAsync("2026-12-01");
            await page.GetByLabel("Data final", new() { Exact = true }).FillAsync("2027-01-31");
            await page.GetByLabel("Tipo de campanha", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Promocional" });
            await page.GetByLabel("Situação", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pendente" }); // Active needs a store: activated once the stores are in
            await page.GetByTestId("save-campaign").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/campanhas/[0-9a-f-]{36}/filiais$"));
            var rows = page.GetByTestId("store-row");
            for (var i = 0; i < 2; i++)
            {
                await rows.Nth(i).GetByRole(AriaRole.Checkbox).CheckAsync();
                await rows.Nth(i).GetByLabel("Participação %", new() { Exact = true }).FillAsync("50");
            }
            await page.GetByTestId("confirm-stores").ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Alterações salvas.");
            for (var i = 0; i < 2; i++)
            {
                await Expect(rows.Nth(i).GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
                await Expect(rows.Nth(i).GetByLabel("Participação %", new() { Exact = true })).ToHaveValueAsync("50,00");
            }
            await page.GetByTestId("tab-summary").ClickAsync();
            await Expect(page.GetByTestId("summary-stores").Locator("tbody tr")).ToHaveCountAsync(2);
        });

    [Fact]
    public Task Stores_Grid_Should_Fit_A_1366_Pixel_Screen_Without_Scrolling_Sideways() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            await page.GetByTestId("nav-campaigns").ClickAsync();
            await page.GetByTestId("campaign-row").First.GetByRole(AriaRole.Link).First.ClickAsync();
            await page.GetByTestId("tab-stores").ClickAsync();
            await Expect(page.GetByTestId("store-row").First).ToBeVisibleAsync();

            var widths = await page.GetByTestId("stores-grid").EvaluateAsync<int[]>(
                "grid => [grid.scrollWidth, grid.parentElement.clientWidth, document.documentElement.scrollWidth, window.innerWidth]");

            Assert.True(widths[0] <= widths[1], $"the grid is {widths[0]} px wide in a {widths[1]} px card");
            Assert.True(widths[2] <= widths[3], $"the page is {widths[2]} px wide in a {widths[3]} px window");
        }, new ViewportSize { Width = 1366, Height = 768 });
}
