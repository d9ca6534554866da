using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

public sealed class PointsAuditTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Rejecting_Without_A_Reason_Keeps_The_Selection_And_A_Rejected_Purchase_Shows_Its_Points_Not_Credited() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            await page.GotoAsync("/auditoria-pontos");
            // The demo's fleet purchase above its category's limit waits here.
            var row = page.GetByTestId("audit-row").Filter(new() { HasText = "DEMO-0007" });
            var tick = row.GetByRole(AriaRole.Checkbox);
            await tick.CheckAsync();
            await page.GetByTestId("audit-reject").ClickAsync();

            await Expect(tick).ToBeCheckedAsync();
            await Expect(page.Locator("#Reason-feedback")).ToHaveTextAsync("Informe o motivo da rejeição.");
            await Expect(page.GetByLabel("Motivo da rejeição")).ToHaveAttributeAsync("aria-invalid", "true");

            await page.GetByLabel("Motivo da rejeição").FillAsync("Volume fora do padrão da frota");
            await page.GetByTestId("audit-reject").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 pontuação rejeitada.");

            await page.GotoAsync("/compras");
            var purchase = page.GetByTestId("purchase-row").Filter(new() { HasText = "DEMO-0007" });
            await Expect(purchase.GetByTestId("points-status")).ToHaveTextAsync("Rejeitados");
            await Expect(purchase.GetByTestId("purchase-points")).ToContainTextAsync("não creditados");
            await purchase.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByTestId("purchase-points")).ToContainTextAsync("Pontos rejeitados");
            await Expect(page.GetByTestId("points-earned")).ToContainTextAsync("não creditados");
            await Expect(page.GetByTestId("purchase-points")).ToContainTextAsync("Volume fora do padrão da frota");
        });
}
