using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.Domain.Tenancy;
using Loyalty.IntegrationTests.Customers;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Loyalty.IntegrationTests.Redemptions;

/// <summary>The counter's 80 mm thermal printer: a store set to "Bobina 80 mm" prints its receipts on the roll; the
/// others keep A4. The format is the store's where the operation happened.</summary>
public sealed class ThermalReceiptTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const double RollWidth = 226.8;
    private const double A4Width = 595.3;
    private const string LongName = "Maria Aparecida da Conceição Albuquerque Vasconcelos de Souza Bragança";

    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task A_Store_Set_To_The_80mm_Roll_Prints_Its_Receipts_On_It_And_Another_Store_Keeps_A4()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 1250);
        using var admin = await App.SignedInAsync(counter.Tenant, StaffRole.TenantAdmin);
        var form = await admin.Http.GetStringAsync($"/lojas/{counter.StoreId}/editar");
        var saved = await admin.PostFormAsync($"/lojas/{counter.StoreId}/editar", form, new Dictionary<string, string>
        {
            ["Code"] = "LJ1",
            ["Name"] = "Loja LJ1",
            ["ReceiptFormat"] = nameof(ReceiptFormat.Roll80),
        });
        var customer = await counter.CustomerWithPointsAsync(LongName, 5000);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id, quantity: 2));
        var atOtherStore = await App.CreateUserAsync(counter.Tenant.Id, StaffRole.Cashier, counter.OtherStoreId);

        var roll = await counter.Cashier.Http.GetByteArrayAsync($"/resgates/{redemption}/recibo.pdf");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ReceiptFormat.Roll80, await App.InTenantAsync(counter.Tenant.Id,
            db => db.Stores.Where(s => s.Id == counter.StoreId).Select(s => s.ReceiptFormat).SingleAsync()));
        Assert.Contains("Bobina 80 mm", Html.Parse(await admin.Http.GetStringAsync($"/lojas/{counter.StoreId}"))
            .QuerySelector("[data-testid=store-receipt-format]")!.TextContent);
        using (var document = PdfDocument.Open(roll))
        {
            var page = Assert.Single(document.GetPages());
            Assert.Equal(RollWidth, page.Width, 0.5);
            Assert.InRange(page.Height, 200, 842); // fitted to the content, not an A4 sheet
            Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, RollWidth - 11));
            var text = ContentOrderTextExtractor.GetText(page);
            var words = string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("Recibo nº: RES-000001", words);
            Assert.Contains("Cliente: " + LongName, words); // wrapped over lines, every word kept
            Assert.Contains(Counter.PrizeName, words);
            Assert.Contains("2 × 1.250 2.500", words);
            Assert.Contains("Total de pontos debitados 2.500", words);
            Assert.Contains("Atendente: Cashier user", words);
            Assert.Contains("Assinatura do cliente", words);
            Assert.DoesNotMatch(RedemptionReceiptTests.Guids, text);
        }

        // The same customer served at the other store, which kept the default: an A4 sheet.
        using var other = await Counter.SignInAsync(App, counter.Tenant, atOtherStore);
        var otherCampaign = await App.CreateCampaignAsync(counter.Tenant.Id, Loyalty.Domain.Campaigns.CampaignClassification.Fixed, [counter.OtherStoreId]);
        var otherPrize = await counter.AddPrizeAsync(otherCampaign, "Garrafa Térmica", 100, stock: null);
        var page2 = await other.Http.GetStringAsync(counter.CounterUrl(customer.Id, otherCampaign, storeId: counter.OtherStoreId));
        var key = Html.Parse(page2).QuerySelector("input[name='Redeem.RequestKey']")!.GetAttribute("value")!;
        var atA4 = Counter.RedemptionOf(await counter.PostPrizesAsync(customer.Id, page2, key, [(otherPrize, 1)], other, otherCampaign,
            storeId: counter.OtherStoreId));
        using var a4 = PdfDocument.Open(await other.Http.GetByteArrayAsync($"/resgates/{atA4}/recibo.pdf"));
        Assert.Equal(A4Width, a4.GetPage(1).Width, 0.5);
        Assert.Contains("RES-000002", ContentOrderTextExtractor.GetText(a4.GetPage(1)));
    }

    [Fact]
    public async Task A_New_Store_Prints_On_A4_Unless_Chosen_Otherwise()
    {
        var tenant = await App.CreateTenantAsync($"bob{Guid.NewGuid():N}"[..10]);
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);
        var page = await admin.Http.GetStringAsync("/lojas/nova");
        var form = Html.Parse(page);

        var posted = await admin.PostFormAsync("/lojas/nova", page, new Dictionary<string, string>
        {
            ["Code"] = "BOB1",
            ["Name"] = "Loja da Bobina",
            ["ReceiptFormat"] = nameof(ReceiptFormat.Roll80),
        });

        Assert.Equal(nameof(ReceiptFormat.A4), form.QuerySelector("select[name=ReceiptFormat] option[selected]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(ReceiptFormat.Roll80, await App.InTenantAsync(tenant.Id,
            db => db.Stores.Where(s => s.Code == "BOB1").Select(s => s.ReceiptFormat).SingleAsync()));
    }
}
