using System.Globalization;
using System.Net;
using System.Text;
using Loyalty.Domain.Points;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Points;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>The profile's statement downloads (CSV and PDF) for the period on screen: same entries, same running balance.</summary>
public sealed class StatementDownloadTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Guid _store;
    private NewCustomers.Registered _customer = default!;
    private string _coupon = default!;
    private readonly DateTimeOffset _purchasedAt = DateTimeOffset.UtcNow.AddDays(-3);

    /// <summary>1.000 points credited 200 days ago, a purchase of R$ 125,50 three days ago (125 points), and a manual
    /// adjustment of -50 today.</summary>
    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"sd{Guid.NewGuid():N}"[..10]);
        _store = await App.CreateStoreAsync(_tenant.Id, "F01");
        var pos = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, _store));
        _customer = await App.AddCustomerAsync(_tenant.Id, "João Conceição Araújo");
        await App.CreditAsync(_tenant.Id, _customer.Id, 1000, DateTimeOffset.UtcNow.AddDays(-200));
        _coupon = Pos.NextCoupon();
        var posted = await pos.PostAsync(Pos.Purchase(_customer.CardNumber, 125.50m, _coupon, _purchasedAt));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        await App.InLedgerAsync(_tenant.Id, l => l.AdjustAsync(_customer.Id, -50, "Correção de saldo", CancellationToken.None));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Csv_Should_List_The_Period_For_Brazilian_Excel()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);

        var response = await admin.Http.GetAsync($"/clientes/{_customer.Id}/extrato.csv?Period.From={Today.AddDays(-30):yyyy-MM-dd}&Period.To={Today:yyyy-MM-dd}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var lotExpiry = await App.InTenantAsync(_tenant.Id, db => db.PointsLots.Where(l => l.Points == 125).Select(l => l.ExpiresAt).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal($"extrato-{Today.AddDays(-30):yyyyMMdd}-{Today:yyyyMMdd}.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("Data;Operação;Pontos;Saldo;Referência;Validade do lote", lines[0]);
        Assert.Equal(3, lines.Length);
        // Newest first, as a bank statement; the credit of 200 days ago is before the period: it opens the running balance but is not listed.
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2};Ajuste manual;-50;1075;Correção de saldo;$", lines[1]);
        Assert.Equal($"{Local(_purchasedAt):dd/MM/yyyy HH:mm:ss};Acúmulo;125;1125;Loja F01 · PDV 1 · Cupom {_coupon};"
            + PointsExpiry.LastValidDay(lotExpiry!.Value, SaoPaulo).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), lines[2]);
    }

    [Fact]
    public async Task Csv_Should_Escape_A_Reason_That_Reads_Like_A_Formula()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Fórmula Teste");
        await App.CreditAsync(_tenant.Id, customer.Id, 10);
        await App.InLedgerAsync(_tenant.Id, l => l.AdjustAsync(customer.Id, -5, "=HYPERLINK(\"http://x\")", CancellationToken.None));
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);

        var csv = await admin.Http.GetStringAsync($"/clientes/{customer.Id}/extrato.csv");

        Assert.Contains(";Ajuste manual;-5;5;\"'=HYPERLINK(\"\"http://x\"\")\";", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Period_Filter_Should_Choose_The_Entries_And_The_Opening_Balance()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);

        var early = await CsvLinesAsync(admin, Today.AddDays(-300), Today.AddDays(-100));
        var late = await CsvLinesAsync(admin, Today, Today);

        Assert.Equal(2, early.Length);
        Assert.Contains(";Acúmulo;1000;1000;;", early[1], StringComparison.Ordinal);
        Assert.Equal(2, late.Length);
        Assert.Contains(";Ajuste manual;-50;1075;", late[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_Should_Read_Back_With_Customer_Period_Balances_And_Entries()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);
        var from = Today.AddDays(-30);

        var response = await admin.Http.GetAsync($"/clientes/{_customer.Id}/extrato.pdf?Period.From={from:yyyy-MM-dd}&Period.To={Today:yyyy-MM-dd}");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
        var cpf = _customer.Document;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Contains("Extrato de pontos", text, StringComparison.Ordinal);
        Assert.Contains("Cliente: João Conceição Araújo", text, StringComparison.Ordinal);
        Assert.Contains($"CPF/CNPJ: ***.{cpf[3..6]}.{cpf[6..9]}-**", text, StringComparison.Ordinal);
        Assert.DoesNotContain(cpf[..3] + "." + cpf[3..6], text, StringComparison.Ordinal);
        Assert.Contains($"Cartão: {_customer.CardNumber}", text, StringComparison.Ordinal); // a TenantAdmin sees whole card numbers
        Assert.Contains($"Período: {from:dd/MM/yyyy} a {Today:dd/MM/yyyy}", text, StringComparison.Ordinal);
        Assert.Contains("Saldo anterior: 1.000", text, StringComparison.Ordinal);
        Assert.Contains($"Acúmulo Loja F01 · PDV 1 · Cupom {_coupon} 125 1.125", text, StringComparison.Ordinal);
        Assert.Contains("Ajuste manual Correção de saldo -50 1.075", text, StringComparison.Ordinal);
        Assert.Contains("Saldo final: 1.075", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Ajuste manual Correção", StringComparison.Ordinal) < text.IndexOf("Acúmulo Loja F01", StringComparison.Ordinal),
            "The PDF lists the newest entry first.");
        Assert.Contains("Página 1 de 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cashier_Should_Download_With_The_Card_Masked_And_Other_Roles_Be_Refused()
    {
        using var cashier = await App.SignedInAsync(_tenant, StaffRole.Cashier, _store);
        using var analyst = await App.SignedInAsync(_tenant, StaffRole.CreditAnalyst);
        using var anonymous = App.CreateStaffClient();
        var url = $"/clientes/{_customer.Id}/extrato.pdf";

        var pdf = await cashier.Http.GetAsync(url);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = ContentOrderTextExtractor.GetText(document.GetPage(1));
        var refused = await analyst.Http.GetAsync(url);
        var signIn = await anonymous.Http.GetAsync($"/clientes/{_customer.Id}/extrato.csv");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains("Cartão: " + new string('•', _customer.CardNumber.Length - 4) + _customer.CardNumber[^4..], text, StringComparison.Ordinal);
        Assert.DoesNotContain(_customer.CardNumber, text, StringComparison.Ordinal);
        Assert.Equal("/acesso-negado", refused.Headers.Location?.AbsolutePath);
        Assert.Equal("/entrar", signIn.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Another_Tenants_Customer_Should_Be_Not_Found_And_A_Reversed_Period_Refused()
    {
        var other = await App.CreateTenantAsync($"so{Guid.NewGuid():N}"[..10]);
        using var foreigner = await App.SignedInAsync(other, StaffRole.TenantAdmin);
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);

        var csv = await foreigner.Http.GetAsync($"/clientes/{_customer.Id}/extrato.csv");
        var pdf = await foreigner.Http.GetAsync($"/clientes/{_customer.Id}/extrato.pdf");
        var reversed = await admin.Http.GetAsync($"/clientes/{_customer.Id}/extrato.csv?Period.From=2026-03-02&Period.To=2026-03-01");

        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
    }

    [Fact]
    public async Task Profile_Should_Link_The_Downloads_For_The_Period_On_Screen_And_Name_The_Purchase()
    {
        using var admin = await App.SignedInAsync(_tenant, StaffRole.TenantAdmin);

        var page = await admin.GetPageAsync($"/clientes/{_customer.Id}?Period.From=2026-01-01&Period.To={Today:yyyy-MM-dd}");
        var purchaseRow = page.QuerySelectorAll("[data-testid=statement] tbody tr").Single(r => r.TextContent.Contains("Acúmulo", StringComparison.Ordinal)
            && r.TextContent.Contains(_coupon, StringComparison.Ordinal));

        Assert.Equal($"/clientes/{_customer.Id}/extrato.csv?Period.From=2026-01-01&Period.To={Today:yyyy-MM-dd}",
            page.QuerySelector("[data-testid=statement-csv]")!.GetAttribute("href"));
        Assert.Equal($"/clientes/{_customer.Id}/extrato.pdf?Period.From=2026-01-01&Period.To={Today:yyyy-MM-dd}",
            page.QuerySelector("[data-testid=statement-pdf]")!.GetAttribute("href"));
        Assert.Contains($"PDV 1 · Cupom {_coupon}", purchaseRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("F01", purchaseRow.TextContent, StringComparison.Ordinal);
    }

    private async Task<string[]> CsvLinesAsync(StaffClient client, DateOnly from, DateOnly to)
    {
        var text = await client.Http.GetStringAsync($"/clientes/{_customer.Id}/extrato.csv?Period.From={from:yyyy-MM-dd}&Period.To={to:yyyy-MM-dd}");
        return text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static DateOnly Today => DateOnly.FromDateTime(Local(DateTimeOffset.UtcNow).DateTime);

    private static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, SaoPaulo);
}
