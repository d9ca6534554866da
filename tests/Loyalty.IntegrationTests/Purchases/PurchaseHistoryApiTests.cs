using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Domain.Purchases;
using Loyalty.Testing;
using Loyalty.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Purchases;

/// <summary>POST /api/v1/purchase-history (SPEC §10): past purchases that count in the figures and earn no points.</summary>
public sealed class PurchaseHistoryApiTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private string _tenantKey = default!;
    private string _storeKey = default!;
    private NewCustomers.Registered _customer = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"ph{Guid.NewGuid():N}"[..10]);
        var store = await App.CreateStoreAsync(_tenant.Id, "H01");
        await App.CreateStoreAsync(_tenant.Id, "H02");
        _tenantKey = await App.CreateApiKeyAsync(_tenant.Id, null);
        _storeKey = await App.CreateApiKeyAsync(_tenant.Id, store);
        _customer = await App.AddCustomerAsync(_tenant.Id, "Norma Histórico");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Past_Purchases_Count_In_The_Figures_And_Earn_No_Points()
    {
        var response = await PostAsync(_tenantKey,
            Entry("h01", 100m, at: DateTimeOffset.UtcNow.AddDays(-400)),
            Entry("H02", 50m, at: DateTimeOffset.UtcNow.AddDays(-30), byDocument: true),
            Entry("H01", 30m, at: DateTimeOffset.UtcNow.AddDays(-8)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var purchases = await App.InTenantAsync(_tenant.Id, db => db.Purchases.ToListAsync());
        var figures = await FiguresAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 0, 0), Counts(body));
        Assert.Equal(["created", "created", "created"], Statuses(body));
        Assert.Equal([0, 1, 2], body.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("index").GetInt32()));
        Assert.All(purchases, p => Assert.Equal((PurchaseOrigin.History, PointsStatus.None, 0L), (p.Origin, p.PointsStatus, p.PointsEarned)));
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.CountAsync()));
        Assert.Equal((3, 180m, 60m), (figures.Purchases, figures.TotalSpent, figures.AverageTicket));
        Assert.Equal(0, figures.Balance);
    }

    [Fact]
    public async Task Same_Content_Is_Replayed_Other_Content_Under_The_Same_Coupon_Is_A_Conflict()
    {
        var first = Entry("H01", 20m, coupon: "A-1");
        var second = Entry("H01", 25m, coupon: "A-2");
        await PostAsync(_tenantKey, first, second);
        var third = Entry("H01", 10m, coupon: "A-3");

        var again = await PostAsync(_tenantKey, first, Entry("H01", 99m, coupon: "A-2"), third, third);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await App.InTenantAsync(_tenant.Id, db => db.Purchases.Where(p => p.CouponNumber == "A-2").Select(p => p.TotalAmount).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["replayed", "conflict", "created", "replayed"], Statuses(body));
        Assert.Equal((1, 2, 1), Counts(body));
        Assert.Equal(25m, stored);
        Assert.Equal(3, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task The_Pos_Sending_A_Loaded_Coupon_Again_Gets_A_Replay_Without_Points()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await PostAsync(_tenantKey, Entry("H01", 40m, coupon: "P-9", at: at));

        var response = await new Pos(App, _storeKey).PostAsync(Pos.Purchase(_customer.CardNumber, 40m, "P-9", at));
        var body = await Pos.BodyAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("Idempotent-Replay").Single());
        Assert.Equal(("none", 0L), (body.GetProperty("pointsStatus").GetString(), body.GetProperty("pointsEarned").GetInt64()));
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Any_Invalid_Entry_Refuses_The_Whole_Call_Listing_Every_Error()
    {
        var response = await PostAsync(_tenantKey,
            Entry("H01", 10m, at: DateTimeOffset.UtcNow.AddMinutes(10)),
            Entry("ZZ9", 10m),
            (object)new { storeCode = "H01", posNumber = "1", couponNumber = "X", occurredAt = DateTimeOffset.UtcNow.AddDays(-2),
                customer = new { cardNumber = "6062999999999999" }, totalAmount = 10m,
                items = new[] { new { productCode = "1", quantity = 1m, unitPrice = 10m, totalPrice = 12m } },
                payments = new[] { new { method = "pix", amount = 10m } } },
            Entry("H01", 10m));
        var errors = await Pos.ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["purchases[0].occurredAt", "purchases[1].storeCode", "purchases[2].customer", "purchases[2].items[0].totalPrice"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Nenhuma loja com este código.", errors["purchases[1].storeCode"]);
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task A_Thousand_Purchases_Go_In_One_Call_And_One_More_Is_Refused()
    {
        var thousand = Enumerable.Range(0, 1000).Select(i => Entry("H01", 1m + i, coupon: $"M-{i}", at: DateTimeOffset.UtcNow.AddDays(-i))).ToArray();

        var accepted = await PostAsync(_tenantKey, thousand);
        var refused = await PostAsync(_tenantKey, [.. thousand, Entry("H01", 5m)]);
        var empty = await PostAsync(_tenantKey);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal((1000, 0, 0), Counts(await accepted.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["purchases"], (await Pos.ErrorsAsync(refused)).Keys);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(1000, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task Needs_A_Tenant_Key()
    {
        var anonymous = await PostAsync(null, Entry("H01", 10m));
        var withStoreKey = await PostAsync(_storeKey, Entry("H01", 10m));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withStoreKey.StatusCode);
        Assert.Equal(0, await App.InTenantAsync(_tenant.Id, db => db.Purchases.CountAsync()));
    }

    private Dictionary<string, object?> Entry(string store, decimal total, string? coupon = null, DateTimeOffset? at = null, bool byDocument = false) => new()
    {
        ["storeCode"] = store,
        ["posNumber"] = "1",
        ["couponNumber"] = coupon ?? Pos.NextCoupon(),
        ["occurredAt"] = at ?? DateTimeOffset.UtcNow.AddDays(-2),
        ["customer"] = byDocument ? new { document = _customer.Document } : new { cardNumber = _customer.CardNumber },
        ["totalAmount"] = total,
        ["items"] = new[] { new Dictionary<string, object> { ["productCode"] = "7891000100103", ["quantity"] = 1m, ["unitPrice"] = total, ["totalPrice"] = total } },
        ["payments"] = new[] { new { method = "dinheiro", amount = total } },
    };

    private async Task<HttpResponseMessage> PostAsync(string? key, params object[] purchases)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/purchase-history") { Content = JsonContent.Create(new { purchases }) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return await client.SendAsync(request);
    }

    private async Task<CustomerFigures.Figures> FiguresAsync()
    {
        await using var scope = App.TenantScope(_tenant.Id);
        return await scope.ServiceProvider.GetRequiredService<CustomerFigures.Handler>()
            .HandleAsync(_customer.Id, _customer.Id, SaoPaulo, CancellationToken.None);
    }

    private static (int, int, int) Counts(JsonElement body) =>
        (body.GetProperty("created").GetInt32(), body.GetProperty("replayed").GetInt32(), body.GetProperty("conflicts").GetInt32());

    private static List<string> Statuses(JsonElement body) =>
        [.. body.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("status").GetString()!)];
}
