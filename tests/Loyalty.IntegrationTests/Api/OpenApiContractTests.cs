using System.Net.Http.Json;
using System.Text;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Api;

/// <summary>
/// The published OpenAPI document and the server cannot drift apart: each operation is called for each answer it
/// documents (429 aside, see <see cref="Every_Operation_Should_Answer_429_As_Documented"/>), and each real answer —
/// status, headers, body — is validated against the document's schema.
/// </summary>
public sealed class OpenApiContractTests(KestrelAppFixture fixture) : IClassFixture<KestrelAppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private string _storeKey = default!;
    private string _tenantKey = default!;
    private PublishedContract _contract = default!;
    private readonly HashSet<string> _answered = [];

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"oa{Guid.NewGuid():N}"[..10]);
        _storeKey = await App.CreateApiKeyAsync(_tenant.Id, await App.CreateStoreAsync(_tenant.Id, "P01"));
        _tenantKey = await App.CreateApiKeyAsync(_tenant.Id, null);
        using var client = NewClient();
        _contract = await PublishedContract.LoadAsync(client);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WhoAmI_Answers_Match_The_Document()
    {
        const string path = "/api/v1/me";
        await CallAsync("GET", path, path, _storeKey);
        await CallAsync("GET", path, path, _tenantKey);
        await CallAsync("GET", path, path, null);
        AssertEveryAnswerExercised("GET", path);
    }

    [Fact]
    public async Task Customer_Lookup_Answers_Match_The_Document()
    {
        const string path = "/api/v1/customers/{identifier}";
        var customer = await App.AddCustomerAsync(_tenant.Id, "Contrato Consulta");
        await CallAsync("GET", path, $"/api/v1/customers/{customer.CardNumber}", _storeKey);
        await CallAsync("GET", path, "/api/v1/customers/00000000000", _storeKey);
        await CallAsync("GET", path, $"/api/v1/customers/{customer.CardNumber}", _tenantKey);
        await CallAsync("GET", path, $"/api/v1/customers/{customer.CardNumber}", null);
        AssertEveryAnswerExercised("GET", path);
    }

    [Fact]
    public async Task Customer_Registration_Answers_Match_The_Document()
    {
        const string path = "/api/v1/customers";
        var document = TestDocuments.FormattedCpf(NewCustomers.NextSeed());
        var body = new { personType = "PF", document, name = "Contrato Cadastro" };
        await CallAsync("POST", path, path, _tenantKey, Json(body));
        await CallAsync("POST", path, path, _tenantKey, Json(body));
        await CallAsync("POST", path, path, _tenantKey, Json(new { }));
        await CallAsync("POST", path, path, _storeKey, Json(body));
        await CallAsync("POST", path, path, null, Json(body));
        await CallAsync("POST", path, path, _tenantKey, new StringContent("<customer/>", Encoding.UTF8, "application/xml"));
        await CallAsync("POST", path, path, _tenantKey, TooLarge(), expectContinue: true);
        AssertEveryAnswerExercised("POST", path);
    }

    [Fact]
    public async Task Statement_Answers_Match_The_Document()
    {
        const string path = "/api/v1/customers/{identifier}/statement";
        var customer = await App.AddCustomerAsync(_tenant.Id, "Contrato Extrato");
        await new Pos(App, _storeKey).PostAsync(Pos.Purchase(customer.CardNumber, 42.5m));
        await CallAsync("GET", path, $"/api/v1/customers/{customer.CardNumber}/statement", _tenantKey);
        await CallAsync("GET", path, $"/api/v1/customers/{customer.CardNumber}/statement?from=ontem", _tenantKey);
        await CallAsync("GET", path, "/api/v1/customers/00000000000/statement", _tenantKey);
        await CallAsync("GET", path, $"/api/v1/customers/{customer.CardNumber}/statement", _storeKey);
        await CallAsync("GET", path, $"/api/v1/customers/{customer.CardNumber}/statement", null);
        AssertEveryAnswerExercised("GET", path);
    }

    [Fact]
    public async Task Purchase_Answers_Match_The_Document()
    {
        const string path = "/api/v1/purchases";
        var customer = await App.AddCustomerAsync(_tenant.Id, "Contrato Compra");
        var (coupon, at) = (Pos.NextCoupon(), DateTimeOffset.UtcNow);
        await CallAsync("POST", path, path, _storeKey, Json(Pos.Purchase(customer.CardNumber, 99.9m, coupon, at)));
        await CallAsync("POST", path, path, _storeKey, Json(Pos.Purchase(customer.CardNumber, 99.9m, coupon, at)));
        await CallAsync("POST", path, path, _storeKey, Json(Pos.Purchase(customer.CardNumber, 10m, coupon)));
        await CallAsync("POST", path, path, _storeKey, Json(new { }));
        await CallAsync("POST", path, path, _storeKey, Json(Pos.Purchase(customer.CardNumber, 10m, at: DateTimeOffset.UtcNow.AddDays(-30))));
        await CallAsync("POST", path, path, _tenantKey, Json(Pos.Purchase(customer.CardNumber, 10m)));
        await CallAsync("POST", path, path, null, Json(Pos.Purchase(customer.CardNumber, 10m)));
        await CallAsync("POST", path, path, _storeKey, new StringContent("x", Encoding.UTF8, "text/plain"));
        await CallAsync("POST", path, path, _storeKey, TooLarge(), expectContinue: true);
        AssertEveryAnswerExercised("POST", path);
    }

    [Fact]
    public async Task Cancellation_And_Return_Answers_Match_The_Document()
    {
        const string cancel = "/api/v1/purchases/{posNumber}/{couponNumber}/cancel";
        const string returns = "/api/v1/purchases/{posNumber}/{couponNumber}/returns";
        var customer = await App.AddCustomerAsync(_tenant.Id, "Contrato Estorno");
        var pos = new Pos(App, _storeKey);
        var (kept, cancelled) = (Pos.NextCoupon(), Pos.NextCoupon());
        await pos.PostAsync(Pos.Purchase(customer.CardNumber, 100m, kept));
        await pos.PostAsync(Pos.Purchase(customer.CardNumber, 50m, cancelled));

        await CallAsync("POST", cancel, $"/api/v1/purchases/1/{cancelled}/cancel", _storeKey);
        await CallAsync("POST", cancel, $"/api/v1/purchases/1/{cancelled}/cancel", _storeKey);
        await CallAsync("POST", cancel, "/api/v1/purchases/1/nao-existe/cancel", _storeKey);
        await CallAsync("POST", cancel, $"/api/v1/purchases/1/{cancelled}/cancel", _tenantKey);
        await CallAsync("POST", cancel, $"/api/v1/purchases/1/{cancelled}/cancel", null);
        AssertEveryAnswerExercised("POST", cancel);

        var back = $"/api/v1/purchases/1/{kept}/returns";
        object Return(string number, decimal amount) => new { returnNumber = number, occurredAt = DateTimeOffset.UtcNow, amount };
        await CallAsync("POST", returns, back, _storeKey, Json(Return("D1", 10m)));
        await CallAsync("POST", returns, back, _storeKey, Json(Return("D1", 10m)));
        await CallAsync("POST", returns, back, _storeKey, Json(Return("D1", 20m)));
        await CallAsync("POST", returns, back, _storeKey, Json(Return("D2", 500m)));
        await CallAsync("POST", returns, back, _storeKey, Json(new { }));
        await CallAsync("POST", returns, "/api/v1/purchases/1/nao-existe/returns", _storeKey, Json(Return("D3", 1m)));
        await CallAsync("POST", returns, back, _tenantKey, Json(Return("D4", 1m)));
        await CallAsync("POST", returns, back, null, Json(Return("D4", 1m)));
        await CallAsync("POST", returns, back, _storeKey, new StringContent("amount=1", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await CallAsync("POST", returns, back, _storeKey, TooLarge(), expectContinue: true);
        AssertEveryAnswerExercised("POST", returns);
    }

    [Fact]
    public async Task Purchase_History_Answers_Match_The_Document()
    {
        const string path = "/api/v1/purchase-history";
        var customer = await App.AddCustomerAsync(_tenant.Id, "Contrato Historico");
        var entry = new
        {
            storeCode = "P01", posNumber = "9", couponNumber = Pos.NextCoupon(), occurredAt = DateTimeOffset.UtcNow.AddYears(-1),
            customer = new { cardNumber = customer.CardNumber }, totalAmount = 30m,
            items = new[] { new { productCode = "X", quantity = 1m, unitPrice = 30m, totalPrice = 30m } },
            payments = new[] { new { method = "pix", amount = 30m } },
        };
        await CallAsync("POST", path, path, _tenantKey, Json(new { purchases = new[] { entry } }));
        await CallAsync("POST", path, path, _tenantKey, Json(new { }));
        await CallAsync("POST", path, path, _storeKey, Json(new { purchases = new[] { entry } }));
        await CallAsync("POST", path, path, null, Json(new { purchases = new[] { entry } }));
        await CallAsync("POST", path, path, _tenantKey, new StringContent("x", Encoding.UTF8, "text/plain"));
        await CallAsync("POST", path, path, _tenantKey, TooLarge(17 * 1024 * 1024), expectContinue: true);
        AssertEveryAnswerExercised("POST", path);
    }

    [Fact]
    public async Task Required_Request_Fields_Should_Be_What_An_Empty_Body_Is_Refused_For()
    {
        (string Path, string Key, string Schema)[] bodies =
        [
            ("/api/v1/purchases", _storeKey, "PurchaseRequest"), ("/api/v1/customers", _tenantKey, "RegisterCustomerRequest"),
            ("/api/v1/purchases/1/1/returns", _storeKey, "ReturnRequest"), ("/api/v1/purchase-history", _tenantKey, "PurchaseHistoryRequest"),
        ];
        foreach (var (path, key, schema) in bodies)
        {
            using var client = NewClient(key);
            var response = await client.PostAsync(path, Json(new { }));
            var refused = (await Pos.ErrorsAsync(response)).Keys.ToHashSet();
            var required = _contract.Document.GetProperty("components").GetProperty("schemas").GetProperty(schema)
                .GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToHashSet();

            Assert.True(refused.SetEquals(required), $"{path}: refused {string.Join(",", refused)}; documented {string.Join(",", required)}");
        }
    }

    private async Task CallAsync(string method, string documentedPath, string url, string? key, HttpContent? body = null, bool expectContinue = false)
    {
        using var client = NewClient(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body };
        request.Headers.ExpectContinue = expectContinue;
        var response = await client.SendAsync(request);
        await _contract.AssertAnswerAsync(method, documentedPath, response);
        _answered.Add($"{method} {documentedPath} {(int)response.StatusCode}");
    }

    private void AssertEveryAnswerExercised(string method, string path)
    {
        var missing = _contract.DocumentedStatuses(method, path)
            .Where(s => s != "429" && !_answered.Contains($"{method} {path} {s}")).ToList();
        Assert.True(missing.Count == 0, $"{method} {path}: documented but not exercised: {string.Join(", ", missing)}");
    }

    private HttpClient NewClient(string? key = null)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = App.ClientOptions.BaseAddress,
        });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    private static JsonContent Json(object body) => JsonContent.Create(body);

    private static StringContent TooLarge(int bytes = 2 * 1024 * 1024) =>
        new("{\"posNumber\":\"" + new string('x', bytes) + "\"}", Encoding.UTF8, "application/json");
}
