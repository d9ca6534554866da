using System.Text.RegularExpressions;
using Loyalty.Domain.Campaigns;
using Loyalty.Testing;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Loyalty.BrowserTests;

/// <summary>SPEC §7 at the counter: the cashier finds the customer by card, takes a prize and hands over the receipt.</summary>
public sealed class CounterRedemptionTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string PrizeName = "Garrafa Térmica Açaí";

    [Fact]
    public Task Cashier_Finds_A_Customer_Redeems_A_Prize_And_Downloads_The_Receipt() =>
        InBrowserAsync(async page =>
        {
            var app = Fixture.App;
            var tenantId = Fixture.DemoTenantId;
            var store = await app.InTenantAsync(tenantId, db => db.Stores.Where(s => s.Code == "LJ01").Select(s => s.Id).SingleAsync());
            var campaign = await app.CreateCampaignAsync(tenantId, CampaignClassification.Fixed, [store], $"Troca de Pontos {Guid.NewGuid():N}"[..24]);
            var product = await app.CreateProductAsync(tenantId, $"G{Guid.NewGuid():N}"[..10], PrizeName);
            await app.AddPrizeAsync(tenantId, campaign, product, 400, stock: 3);
            // The demo tenant asks for gender, birth date and mobile phone at registration.
            var customer = await app.AddCustomerAsync(tenantId, "Raimunda Conceição", f =>
            {
                f.Gender = Loyalty.Domain.Customers.Gender.Female;
                f.BirthDate = new DateOnly(1970, 3, 15);
                f.MobilePhone = "(11) 98765-4321";
            });
            await using (var scope = app.TenantScope(tenantId))
            {
                scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("test");
                await scope.ServiceProvider.GetRequiredService<PointsLedger>()
                    .CreditAsync(customer.Id, 1000, DateTimeOffset.UtcNow, PointsLedger.Reference.None, CancellationToken.None);
            }

            await page.SignInAsync("demo", "caixa@demo.local");
            await page.GetByTestId("nav-redemption").ClickAsync();
            await page.GetByTestId("counter-q").FillAsync(customer.CardNumber);
            await page.GetByTestId("counter-search").ClickAsync();

            await Expect(page.GetByTestId("counter-customer")).ToHaveTextAsync("Raimunda Conceição");
            await Expect(page.GetByTestId("counter-balance")).ToHaveTextAsync("1.000");
            await page.GetByTestId("counter-campaign").SelectOptionAsync(campaign.ToString());
            var row = page.GetByTestId("prize-row").Filter(new() { HasText = PrizeName });
            await row.GetByTestId("prize-quantity").FillAsync("2");
            await Expect(page.GetByTestId("prizes-total")).ToHaveTextAsync("800");
            await page.GetByTestId("confirm-redeem").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/resgates/[0-9a-f-]+/recibo$"));
            await Expect(page.GetByTestId("receipt-total")).ToHaveTextAsync("800");
            await Expect(page.GetByTestId("receipt-balance")).ToHaveTextAsync("200");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("receipt-pdf").ClickAsync());
            var bytes = await File.ReadAllBytesAsync(await download.PathAsync());

            Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
            using var pdf = PdfDocument.Open(bytes);
            var text = ContentOrderTextExtractor.GetText(pdf.GetPage(1));
            Assert.Contains(PrizeName, text);
            Assert.Contains("Raimunda Conceição", text);
            Assert.Contains("Assinatura do cliente", text);
            Assert.Equal(200, await app.InTenantAsync(tenantId, db => db.PointsAccounts.Where(a => a.Id == customer.Id).Select(a => a.Balance).SingleAsync()));
        });
}
