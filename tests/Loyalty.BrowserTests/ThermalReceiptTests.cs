using System.Text.RegularExpressions;
using Loyalty.Domain.Campaigns;
using Loyalty.Testing;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Loyalty.BrowserTests;

/// <summary>A store whose counter prints on the 80 mm thermal roll: chosen on the store form ("Formato do comprovante"),
/// and the receipt of a redemption made there comes out 80 mm wide, its text whole.</summary>
public sealed class ThermalReceiptTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task A_Store_Set_To_The_80mm_Roll_Gives_Its_Counter_Roll_Receipts() =>
        InBrowserAsync(async page =>
        {
            var app = Fixture.App;
            var tenantId = Fixture.DemoTenantId;
            var code = $"B{Random.Shared.Next(10000, 99999)}";
            var customer = await app.AddCustomerAsync(tenantId, "Benedita Aparecida dos Santos Bragança", f =>
            {
                f.Gender = Loyalty.Domain.Customers.Gender.Female;
                f.BirthDate = new DateOnly(1968, 5, 2);
                f.MobilePhone = "(11) 98765-1234";
            });
            await using (var scope = app.TenantScope(tenantId))
            {
                scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("test");
                await scope.ServiceProvider.GetRequiredService<PointsLedger>()
                    .CreditAsync(customer.Id, 1000, DateTimeOffset.UtcNow, PointsLedger.Reference.None, CancellationToken.None);
            }

            await page.SignInAsync("demo", "admin@demo.local");
            await page.GotoAsync("/lojas/nova");
            await page.GetByLabel("Código da loja", new() { Exact = true }).FillAsync(code);
            await page.GetByLabel("Nome da loja", new() { Exact = true }).FillAsync("Quiosque da Bobina");
            await page.GetByLabel("Formato do comprovante", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bobina 80 mm" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Salvar" }).ClickAsync();
            await Expect(page.GetByTestId("store-receipt-format")).ToHaveTextAsync("Bobina 80 mm");

            var store = await app.InTenantAsync(tenantId, db => db.Stores.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());
            var campaign = await app.CreateCampaignAsync(tenantId, CampaignClassification.Fixed, [store], $"Bobina {Guid.NewGuid():N}"[..20]);
            var product = await app.CreateProductAsync(tenantId, $"T{Guid.NewGuid():N}"[..10], "Squeeze Térmico");
            await app.AddPrizeAsync(tenantId, campaign, product, 300, stock: null);

            await page.GotoAsync($"/resgates?StoreId={store}");
            await page.GetByTestId("counter-q").FillAsync(customer.CardNumber);
            await page.GetByTestId("counter-search").ClickAsync();
            await page.GetByTestId("counter-campaign").SelectOptionAsync(campaign.ToString());
            await page.GetByTestId("prize-row").Filter(new() { HasText = "Squeeze Térmico" }).GetByTestId("prize-quantity").FillAsync("1");
            await page.GetByTestId("confirm-redeem").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/recibo$"));
            var number = (await page.GetByTestId("receipt-number").TextContentAsync())!.Trim();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("receipt-pdf").ClickAsync());

            Assert.Matches("^RES-[0-9]{6}$", number);
            Assert.Equal($"recibo-{number}.pdf", download.SuggestedFilename);
            using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync()));
            var receipt = Assert.Single(pdf.GetPages());
            Assert.Equal(226.8, receipt.Width, 0.5);
            var text = string.Join(' ', ContentOrderTextExtractor.GetText(receipt).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(number, text);
            Assert.Contains("Benedita Aparecida dos Santos Bragança", text);
            Assert.Contains("Squeeze Térmico", text);
            Assert.Contains("Total de pontos debitados 300", text);
            Assert.DoesNotMatch("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", text);
        });
}
