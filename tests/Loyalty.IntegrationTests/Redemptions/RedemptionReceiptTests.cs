using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Loyalty.IntegrationTests.Redemptions;

/// <summary>The receipts of seed 001 ("Recibo"): PDFs made on the server whose text reads back, accents included, and
/// that only the stores' own staff can open.</summary>
public sealed class RedemptionReceiptTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    /// <summary>A GUID written any way (with or without hyphens), which no printout may show.</summary>
    internal const string Guids = "(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}";

    private static string Text(byte[] pdf)
    {
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
    }

    [Fact]
    public async Task Redemption_Receipt_Reads_Back_Who_What_And_The_Points()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 1250);
        var customer = await counter.CustomerWithPointsAsync("Joana Conceição Araújo", 5000);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id, quantity: 2));

        var done = Html.Parse(await counter.Cashier.Http.GetStringAsync($"/resgates/{redemption}/recibo"));
        var response = await counter.Cashier.Http.GetAsync($"/resgates/{redemption}/recibo.pdf");
        var text = Text(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal($"/resgates/{redemption}/recibo.pdf", done.QuerySelector("[data-testid=receipt-pdf]")!.GetAttribute("href"));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Recibo de resgate de prêmios", text);
        Assert.Contains("Recibo nº: RES-000001", text); // the tenant's first redemption
        Assert.Equal("RES-000001", done.QuerySelector("[data-testid=receipt-number]")!.TextContent.Trim());
        Assert.Equal("recibo-RES-000001.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.DoesNotMatch(Guids, text);
        Assert.Contains("Empresa: " + "Rede " + counter.Tenant.Code, text);
        Assert.Contains("Loja: LJ1 — Loja LJ1", text);
        Assert.Contains("Cliente: Joana Conceição Araújo", text);
        Assert.Contains("Atendente: Cashier user", text); // the cashier's name, not their e-mail
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.Contains(Counter.PrizeName, text);
        Assert.Contains("1.250", text);
        Assert.Contains("Total de pontos debitados: 2.500", text);
        Assert.Contains("Saldo de pontos após a operação: 2.500", text);
        Assert.Contains("Campanha: Campanha de Natal", text);
        Assert.Contains("Assinatura do cliente", text);
        Assert.Contains("CPF/CNPJ: ***.", text);
        Assert.DoesNotContain(customer.Document, text.Replace(".", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));
        Assert.DoesNotContain(customer.CardNumber, text);
        Assert.Contains(customer.CardNumber[^4..], text);
    }

    [Fact]
    public async Task Cancellation_Receipt_Reads_Back_The_Reason_And_The_Points_Returned()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 300);
        var customer = await counter.CustomerWithPointsAsync("Sérgio Lançamento", 1000);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));
        await counter.CancelAsync(customer.Id, redemption, "Produto com defeito — devolução");

        var text = Text(await counter.Cashier.Http.GetByteArrayAsync($"/resgates/{redemption}/cancelamento.pdf"));

        Assert.Contains("Recibo de cancelamento de resgate", text);
        Assert.Contains("Recibo nº: CAN-000001", text); // cancellations count on their own
        Assert.DoesNotMatch(Guids, text);
        Assert.Contains("Motivo: Produto com defeito — devolução", text);
        Assert.Contains("Total de pontos devolvidos: 300", text);
        Assert.Contains("Saldo de pontos após a operação: 1.000", text);
    }

    [Fact]
    public async Task Receipts_Are_Not_Found_By_Another_Stores_Cashier_Or_Another_Tenant()
    {
        var counter = await Counter.OpenAsync(App);
        var customer = await counter.CustomerWithPointsAsync("Recibo Protegido", 500);
        var redemption = Counter.RedemptionOf(await counter.RedeemAsync(customer.Id));
        using var otherStore = await Counter.SignInAsync(App, counter.Tenant,
            await App.CreateUserAsync(counter.Tenant.Id, StaffRole.Cashier, counter.OtherStoreId));
        using var admin = await Counter.SignInAsync(App, counter.Tenant, counter.Tenant.AdminEmail);
        var otherTenant = await App.CreateTenantAsync($"out{Guid.NewGuid():N}"[..10]);
        using var outsider = await Counter.SignInAsync(App, otherTenant, otherTenant.AdminEmail);

        string[] urls = [$"/resgates/{redemption}/recibo", $"/resgates/{redemption}/recibo.pdf", $"/resgates/{redemption}/cancelamento.pdf"];

        foreach (var url in urls)
        {
            Assert.Equal(url.Contains("cancelamento", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK,
                (await admin.Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherStore.Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync(url)).StatusCode);
        }
        // Not cancelled yet: there is no cancellation receipt, even for its own store.
        Assert.Equal(HttpStatusCode.NotFound, (await counter.Cashier.Http.GetAsync(urls[2])).StatusCode);
    }

    [Fact]
    public async Task A_TenantAdmin_Chooses_The_Store_And_Redeems_There()
    {
        var counter = await Counter.OpenAsync(App, prizePoints: 50);
        var customer = await counter.CustomerWithPointsAsync("Atendida pelo Admin", 500);
        using var admin = await Counter.SignInAsync(App, counter.Tenant, counter.Tenant.AdminEmail);

        var profile = Html.Parse(await admin.Http.GetStringAsync($"/clientes/{customer.Id}"));
        var link = profile.QuerySelector("[data-testid=redeem-for-customer]")!.GetAttribute("href")!;
        var unchosen = Html.Parse(await admin.Http.GetStringAsync(link));
        var (page, key) = await counter.PrizesFormAsync(customer.Id, admin);
        var redemption = Counter.RedemptionOf(await counter.PostPrizesAsync(customer.Id, page, key, [(counter.PrizeId, 1)], admin));

        Assert.Equal($"/resgates/{customer.Id}", link);
        Assert.Equal(2, unchosen.QuerySelectorAll("[data-testid=counter-store] option[value]:not([value=''])").Length);
        Assert.Null(unchosen.QuerySelector("[data-testid=prizes-form]"));
        Assert.Equal(HttpStatusCode.OK, (await counter.Cashier.Http.GetAsync($"/resgates/{redemption}/recibo.pdf")).StatusCode);
        Assert.Equal(450, (await counter.TotalsAsync(customer.Id)).Balance);
    }

    [Fact]
    public async Task The_Counter_Is_Not_Found_For_A_Store_Or_Customer_Outside_The_Users_Scope()
    {
        var counter = await Counter.OpenAsync(App);
        var customer = await counter.CustomerWithPointsAsync("Cliente Local", 500);
        var otherTenant = await App.CreateTenantAsync($"far{Guid.NewGuid():N}"[..10]);
        var stranger = await App.AddCustomerAsync(otherTenant.Id, "Cliente de Outra Rede");

        var otherStore = await counter.Cashier.Http.GetAsync(counter.CounterUrl(customer.Id, storeId: counter.OtherStoreId));
        var otherTenantsCustomer = await counter.Cashier.Http.GetAsync(counter.CounterUrl(stranger.Id));
        var (page, key) = await counter.PrizesFormAsync(customer.Id);
        var postToOtherStore = await counter.PostPrizesAsync(customer.Id, page, key, [(counter.PrizeId, 1)], storeId: counter.OtherStoreId);

        Assert.Equal(HttpStatusCode.NotFound, otherStore.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenantsCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, postToOtherStore.StatusCode);
        Assert.Equal(500, (await counter.TotalsAsync(customer.Id)).Balance);
    }
}
