using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Domain.Points;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Points;

/// <summary>The profile's points, the statement and the POS lookup read the titular's account in the ledger.</summary>
public sealed class PointsOnProfileTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Profile_Should_Show_Balance_Expiring_Points_And_The_Statement_With_Its_Running_Balance()
    {
        var t = await App.CreateTenantAsync("pts-a");
        var titular = await App.AddCustomerAsync(t.Id, "Célia Ramos");
        var dependent = await App.AddDependentAsync(t.Id, "Davi Ramos", titular.Id);
        var now = DateTimeOffset.UtcNow;
        await App.CreditAsync(t.Id, titular.Id, 1000, now.AddDays(-360)); // 365 days: expires within the next 30
        await App.CreditAsync(t.Id, dependent.Id, 250, now.AddDays(-10));
        await App.InLedgerAsync(t.Id, l => l.RedeemAsync(dependent.Id, 300, Guid.NewGuid(), now.AddDays(-1), default));
        using var admin = await App.SignedInAsync(t, StaffRole.TenantAdmin);
        var from = LocalDate(now.AddDays(-20));
        var to = LocalDate(now);

        var page = await admin.GetPageAsync($"/clientes/{dependent.Id}?Period.From={from:yyyy-MM-dd}&Period.To={to:yyyy-MM-dd}");
        var rows = page.QuerySelectorAll("[data-testid=statement] tbody tr").ToList();

        Assert.Equal("950", page.QuerySelector("[data-testid=points-balance]")!.TextContent.Trim());
        Assert.Equal("700", page.QuerySelector("[data-testid=points-expiring]")!.TextContent.Trim()); // 1000 less the 300 redeemed first
        // The first credit is before the period: it opens the running balance but is not listed.
        // Newest first, as a bank statement; each row keeps the balance right after it.
        Assert.Equal(["-300", "250"], rows.Select(r => r.QuerySelector("[data-testid=statement-points]")!.TextContent.Trim()));
        Assert.Equal(["950", "1.250"], rows.Select(r => r.QuerySelector("[data-testid=statement-balance]")!.TextContent.Trim()));
        Assert.Contains("Resgate", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("1", Consumption(page, "Resgates efetuados")); // the dependent redeemed at the counter
        Assert.Equal(LocalDate(now.AddDays(-1)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Consumption(page, "Último resgate"));
    }

    [Fact]
    public async Task A_Dependent_Should_Show_The_Titulars_Account_On_The_Profile_And_At_The_Counter_Said_As_Such()
    {
        var counter = await Redemptions.Counter.OpenAsync(App);
        var titular = await App.AddCustomerAsync(counter.Tenant.Id, "Helena Prado");
        var dependent = await App.AddDependentAsync(counter.Tenant.Id, "Caio Prado", titular.Id);
        await App.CreditAsync(counter.Tenant.Id, titular.Id, 700, DateTimeOffset.UtcNow.AddDays(-350));
        await App.CreditAsync(counter.Tenant.Id, dependent.Id, 50);
        using var admin = await App.SignedInAsync(counter.Tenant, StaffRole.TenantAdmin);

        var profile = await admin.GetPageAsync($"/clientes/{dependent.Id}");
        var atCounter = Support.Html.Parse(await counter.Cashier.Http.GetStringAsync(counter.CounterUrl(dependent.Id)));

        Assert.Equal("750", profile.QuerySelector("[data-testid=points-balance]")!.TextContent.Trim());
        Assert.Equal("700", profile.QuerySelector("[data-testid=points-expiring]")!.TextContent.Trim());
        Assert.Equal("750", profile.QuerySelector("[data-testid=statement] [data-testid=statement-balance]")!.TextContent.Trim());
        Assert.Equal("750", atCounter.QuerySelector("[data-testid=counter-balance]")!.TextContent.Trim());
        Assert.Equal("700", atCounter.QuerySelector("[data-testid=counter-expiring]")!.TextContent.Trim());
        foreach (var note in profile.QuerySelectorAll("[data-testid=titular-account]").Concat(atCounter.QuerySelectorAll("[data-testid=titular-account]")))
        {
            Assert.Equal("Pontos da conta do titular Helena Prado", note.TextContent.Trim());
            Assert.Equal($"/clientes/{titular.Id}", note.QuerySelector("a")!.GetAttribute("href"));
        }
        Assert.Equal(2, profile.QuerySelectorAll("[data-testid=titular-account]").Length); // the points and the statement
        Assert.Single(atCounter.QuerySelectorAll("[data-testid=titular-account]"));
        var titularProfile = await admin.GetPageAsync($"/clientes/{titular.Id}");
        Assert.Empty(titularProfile.QuerySelectorAll("[data-testid=titular-account]"));
    }

    [Fact]
    public async Task Statement_Should_Name_The_Operations_Store_And_The_Staff_User_Or_The_System()
    {
        var counter = await Redemptions.Counter.OpenAsync(App, prizePoints: 100);
        var customer = await counter.CustomerWithPointsAsync("Íris Moraes", 500); // credited by the system
        Redemptions.Counter.RedemptionOf(await counter.RedeemAsync(customer.Id)); // by the cashier at LJ1
        using var admin = await App.SignedInAsync(counter.Tenant, StaffRole.TenantAdmin);

        var page = await admin.GetPageAsync($"/clientes/{customer.Id}");
        var headers = page.QuerySelectorAll("[data-testid=statement] thead th").Select(h => h.TextContent.Trim()).ToList();
        var rows = page.QuerySelectorAll("[data-testid=statement] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();

        Assert.Contains("Loja", headers);
        Assert.DoesNotContain("Loja de cadastro", headers);
        var store = headers.IndexOf("Loja");
        var by = headers.IndexOf("Por");
        Assert.Equal(2, rows.Count);
        Assert.Equal("Resgate", rows[0][1]); // newest first
        Assert.Equal("LJ1 — Loja LJ1", rows[0][store]);
        Assert.Equal("Cashier user", rows[0][by]);
        Assert.Equal("Sistema", rows[1][by]);
        Assert.DoesNotContain(rows, r => r[by].Contains('@', StringComparison.Ordinal) || r[by].Contains(':', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Statement_Of_A_Period_Without_Operations_Should_Say_So()
    {
        var t = await App.CreateTenantAsync("pts-b");
        var c = await App.AddCustomerAsync(t.Id, "Ester Lins");
        await App.CreditAsync(t.Id, c.Id, 10);
        using var admin = await App.SignedInAsync(t, StaffRole.TenantAdmin);

        var page = await admin.GetPageAsync($"/clientes/{c.Id}?Period.From=2026-01-01&Period.To=2026-01-31");

        Assert.Equal("10", page.QuerySelector("[data-testid=points-balance]")!.TextContent.Trim());
        Assert.Equal("Nenhuma operação de pontos de 01/01/2026 a 31/01/2026.", page.QuerySelector("[data-testid=statement-empty]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Statement_Period_Should_Follow_The_Tenant_Calendar()
    {
        var t = await App.CreateTenantAsync("pts-c");
        var c = await App.AddCustomerAsync(t.Id, "Ciro Maia");
        // 31/03/2026 23:30 in São Paulo is already 01/04 in UTC: the entry belongs to March.
        await App.CreditAsync(t.Id, c.Id, 10, new DateTimeOffset(2026, 4, 1, 2, 30, 0, TimeSpan.Zero));
        using var admin = await App.SignedInAsync(t, StaffRole.TenantAdmin);

        var march = await admin.GetPageAsync($"/clientes/{c.Id}?Period.From=2026-03-01&Period.To=2026-03-31");
        var april = await admin.GetPageAsync($"/clientes/{c.Id}?Period.From=2026-04-01&Period.To=2026-04-30");

        Assert.Single(march.QuerySelectorAll("[data-testid=statement-points]"));
        Assert.Empty(april.QuerySelectorAll("[data-testid=statement-points]"));
    }

    [Fact]
    public async Task Pos_Lookup_Should_Answer_The_Titular_Balance_And_What_Expires_In_30_Days()
    {
        var t = await App.CreateTenantAsync("pts-d");
        var store = await App.CreateStoreAsync(t.Id, "PT1");
        var key = await App.CreateApiKeyAsync(t.Id, store);
        var titular = await App.AddCustomerAsync(t.Id, "Mário Sales");
        var dependent = await App.AddDependentAsync(t.Id, "Téo Sales", titular.Id);
        await App.CreditAsync(t.Id, dependent.Id, 80, DateTimeOffset.UtcNow.AddDays(-350));
        await App.CreditAsync(t.Id, titular.Id, 20);

        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers/{dependent.CardNumber}");
        request.Headers.Add("X-Api-Key", key);
        var body = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(dependent.Id, body.GetProperty("customerId").GetGuid());
        Assert.Equal(100, body.GetProperty("balance").GetInt64());
        Assert.Equal(80, body.GetProperty("expiringIn30Days").GetInt64());
    }

    private static string Consumption(AngleSharp.Dom.IDocument page, string label) =>
        page.QuerySelectorAll("[data-testid=consumption] dt").Single(dt => dt.TextContent.Trim() == label).NextElementSibling!.TextContent.Trim();

    private static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, SaoPaulo).DateTime);
}
