using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.IntegrationTests.Points;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>GET /api/v1/customers/{identifier}/statement (SPEC §10): a customer's ledger entries and balance, tenant key.</summary>
public sealed class StatementApiTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private string _tenantKey = default!;
    private string _storeKey = default!;
    private NewCustomers.Registered _titular = default!;
    private NewCustomers.Registered _dependent = default!;
    private string _coupon = default!;

    /// <summary>The titular: 400 points 120 days ago; their dependent buys R$ 80,00 two days ago (80 points to the
    /// titular's account); an adjustment of -30 today.</summary>
    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"sa{Guid.NewGuid():N}"[..10]);
        var store = await App.CreateStoreAsync(_tenant.Id, "A01");
        _tenantKey = await App.CreateApiKeyAsync(_tenant.Id, null);
        _storeKey = await App.CreateApiKeyAsync(_tenant.Id, store);
        _titular = await App.AddCustomerAsync(_tenant.Id, "Lúcia Brandão");
        _dependent = await App.AddDependentAsync(_tenant.Id, "Otávio Brandão", _titular.Id);
        await App.CreditAsync(_tenant.Id, _titular.Id, 400, DateTimeOffset.UtcNow.AddDays(-120));
        _coupon = Pos.NextCoupon();
        var posted = await new Pos(App, _storeKey).PostAsync(Pos.Purchase(_dependent.CardNumber, 80m, _coupon, DateTimeOffset.UtcNow.AddDays(-2), pos: "7"));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        await App.InLedgerAsync(_tenant.Id, l => l.AdjustAsync(_titular.Id, -30, "Ajuste de conferência", CancellationToken.None));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Default_Period_Is_The_Last_90_Days_With_Balances_And_Entries_In_The_Tenants_Offset()
    {
        var response = await GetAsync(_tenantKey, _titular.CardNumber);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var entries = body.GetProperty("entries").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_titular.Id, body.GetProperty("customerId").GetGuid());
        Assert.Equal(Today.AddDays(-90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), body.GetProperty("from").GetString());
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), body.GetProperty("to").GetString());
        Assert.Equal((400, 450, 450), (body.GetProperty("openingBalance").GetInt64(), body.GetProperty("closingBalance").GetInt64(),
            body.GetProperty("balance").GetInt64()));
        Assert.Equal(["accrual", "manualAdjustment"], entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal([80L, -30L], entries.Select(e => e.GetProperty("points").GetInt64()));
        Assert.Equal([480L, 450L], entries.Select(e => e.GetProperty("balanceAfter").GetInt64()));
        var purchase = entries[0];
        Assert.EndsWith("-03:00", purchase.GetProperty("occurredAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(("A01", "7", _coupon), (purchase.GetProperty("storeCode").GetString(), purchase.GetProperty("posNumber").GetString(),
            purchase.GetProperty("couponNumber").GetString()));
        Assert.NotEqual(JsonValueKind.Null, purchase.GetProperty("purchaseId").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", purchase.GetProperty("lotValidUntil").GetString());
        Assert.Equal("Ajuste de conferência", entries[1].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("lotValidUntil").ValueKind);
    }

    [Fact]
    public async Task A_Dependents_Document_Answers_The_Titulars_Account_For_The_Period_Asked()
    {
        var from = Today.AddDays(-200);
        var to = Today.AddDays(-100);

        var response = await GetAsync(_tenantKey, Formatted(_dependent.Document), $"?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var entry = body.GetProperty("entries").EnumerateArray().Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_dependent.Id, body.GetProperty("customerId").GetGuid());
        Assert.Equal((0, 400, 450), (body.GetProperty("openingBalance").GetInt64(), body.GetProperty("closingBalance").GetInt64(),
            body.GetProperty("balance").GetInt64()));
        Assert.Equal(("accrual", 400L), (entry.GetProperty("kind").GetString(), entry.GetProperty("points").GetInt64()));
    }

    [Theory]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?to=ontem", "to")]
    [InlineData("?from=2026-03-02&to=2026-03-01", "from")]
    public async Task Bad_Dates_Answer_400_Keyed_By_The_Parameter(string query, string field)
    {
        var response = await GetAsync(_tenantKey, _titular.CardNumber, query);
        var errors = await Pos.ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task Unknown_Or_Another_Tenants_Customer_Answers_404()
    {
        var other = await App.CreateTenantAsync($"sb{Guid.NewGuid():N}"[..10]);
        var theirs = await App.AddCustomerAsync(other.Id, "Cliente de Outra Rede");

        var unknown = await GetAsync(_tenantKey, "6062000000000000");
        var foreignCpf = await GetAsync(_tenantKey, theirs.Document);
        var foreignId = await GetAsync(_tenantKey, theirs.Id.ToString());

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignCpf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignId.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Needs_A_Tenant_Key()
    {
        var anonymous = await GetAsync(null, _titular.CardNumber);
        var withStoreKey = await GetAsync(_storeKey, _titular.CardNumber);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withStoreKey.StatusCode);
    }

    [Fact]
    public async Task Is_Described_In_The_OpenApi_Document()
    {
        using var client = App.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var get = document.RootElement.GetProperty("paths").GetProperty("/api/v1/customers/{identifier}/statement").GetProperty("get");

        Assert.Equal(["identifier", "from", "to"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(get.GetProperty("responses").TryGetProperty("403", out _));
    }

    private async Task<HttpResponseMessage> GetAsync(string? key, string identifier, string query = "")
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers/{Uri.EscapeDataString(identifier)}/statement{query}");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return await client.SendAsync(request);
    }

    private static string Formatted(string cpf) => $"{cpf[..3]}.{cpf[3..6]}.{cpf[6..9]}-{cpf[9..]}";

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SaoPaulo).DateTime);
}
