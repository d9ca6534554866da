using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

public sealed class CustomerSearchAndBlockTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Manager_Finds_A_Customer_Without_Accents_Blocks_Them_And_Removes_The_Block_After_Confirming() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "gerente@demo.local");
            await page.GetByTestId("nav-customers").ClickAsync();
            await page.GetByLabel("Buscar cliente").FillAsync("conceicao ana");
            await page.GetByTestId("search").ClickAsync();

            await Expect(page.GetByTestId("customer-row")).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Link, new() { Name = "Ana Beatriz Conceição" }).ClickAsync();
            await Expect(page.GetByTestId("customer-name")).ToContainTextAsync("Ana Beatriz Conceição");

            await page.GetByTestId("block-customer").ClickAsync();
            await page.GetByTestId("confirm-block").ClickAsync();
            await Expect(page.GetByText("Informe o motivo do bloqueio.")).ToBeVisibleAsync();
            await page.GetByLabel("Motivo do bloqueio").FillAsync("Cartão perdido, aguardando a segunda via");
            await page.GetByTestId("confirm-block").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/bloqueios$"));
            var row = page.GetByTestId("block-row").Filter(new() { HasText = "Ana Beatriz Conceição" });
            await Expect(row).ToContainTextAsync("Cartão perdido, aguardando a segunda via");

            // The confirmation dialog: dismissing it changes nothing, accepting it removes the block.
            page.Dialog += DismissOnce;
            await row.GetByTestId("remove-block").ClickAsync();
            await Expect(row).ToHaveCountAsync(1);
            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await row.GetByTestId("remove-block").ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bloqueio removido.");
            await Expect(row).ToHaveCountAsync(0);
            await page.GetByTestId("tab-history").ClickAsync();
            await Expect(page.GetByTestId("block-row").Filter(new() { HasText = "Ana Beatriz Conceição" }).First)
                .ToContainTextAsync("Cartão perdido, aguardando a segunda via");

            void DismissOnce(object? sender, IDialog dialog)
            {
                page.Dialog -= DismissOnce;
                _ = dialog.DismissAsync();
            }
        });
}
