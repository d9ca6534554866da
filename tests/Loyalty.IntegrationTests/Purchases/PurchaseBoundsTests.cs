using System.Net;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loyalty.Domain.Purchases;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Purchases;

/// <summary>
/// The platform's sanity bounds (<see cref="PurchaseBounds"/>: 422, whatever the tenant's settings), date-times that must
/// carry their offset (SPEC §10: 400 naming the field) and API answers that must not be cached.
/// </summary>
public sealed class PurchaseBoundsTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Pos _pos = default!;
    private Pos _history = default!;
    private NewCustomers.Registered _customer = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"bd{Guid.NewGuid():N}"[..10]);
        var store = await App.CreateStoreAsync(_tenant.Id, "B01");
        _pos = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, store));
        _history = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, null));
        _customer = await App.AddCustomerAsync(_tenant.Id, "Otávio Limites");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Purchase(string card, decimal quantity, decimal unitPrice, string? coupon = null, object? occurredAt = null)
    {
        var total = quantity * unitPrice;
        return new
        {
            posNumber = "1", couponNumber = coupon ?? Pos.NextCoupon(), occurredAt = occurredAt ?? DateTimeOffset.UtcNow,
            customer = new { cardNumber = card }, totalAmount = total,
            items = new[] { new { productCode = "789", quantity, unitPrice, totalPrice = total } },
            payments = new[] { new { method = "pix", amount = total } },
        };
    }

    [Fact]
    public async Task Purchase_Should_Be_Refused_When_QuantityAboveSanityBound()
    {
        var response = await _pos.PostAsync(Purchase(_customer.CardNumber, 100_001m, 0.01m));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await Pos.ErrorsAsync(response);
        Assert.Equal(["items[0].quantity"], errors.Keys);
        Assert.Contains("100.000", errors["items[0].quantity"]);
    }

    [Fact]
    public async Task Purchase_Should_Be_Refused_When_UnitPriceAndTotalAboveSanityBounds()
    {
        var response = await _pos.PostAsync(Purchase(_customer.CardNumber, 11m, 1_000_000.01m));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await Pos.ErrorsAsync(response);
        Assert.Equal(
            ["items[0].totalPrice", "items[0].unitPrice", "payments[0].amount", "totalAmount"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("R$ 10.000.000,00", errors["totalAmount"]);
    }

    [Fact]
    public async Task Purchase_Should_Be_Refused_And_Nothing_Kept_When_PointsAboveSanityBound()
    {
        // R$ 2,000,000 at the default rate of one point per real: twice the points any purchase may earn.
        var coupon = Pos.NextCoupon();
        var response = await _pos.PostAsync(Purchase(_customer.CardNumber, 2m, 1_000_000m, coupon));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await Pos.BodyAsync(response);
        Assert.Contains("1.000.000", body.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(await App.InTenantAsync(_tenant.Id, db => db.Purchases.AnyAsync(p => p.CouponNumber == coupon)));
        Assert.False(await App.InTenantAsync(_tenant.Id, db => db.LedgerEntries.AnyAsync()));
    }

    [Fact]
    public async Task Purchase_At_The_Bounds_Should_Be_Recorded_Without_Overflow()
    {
        // 100,000 × R$ 100 = R$ 10,000,000: every bound reached at once; the history earns nothing, so no points bound.
        var response = await _history.PostAsync(new { purchases = new[] { HistoryEntry(Purchase(_customer.CardNumber, 100_000m, 100m)) } },
            "/api/v1/purchase-history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await Pos.BodyAsync(response)).GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Purchase_History_Should_Be_Refused_With_The_Entry_Keyed_When_AboveSanityBound()
    {
        var response = await _history.PostAsync(new
        {
            purchases = new[]
            {
                HistoryEntry(Purchase(_customer.CardNumber, 1m, 10m)),
                HistoryEntry(Purchase(_customer.CardNumber, 200_000m, 1m)),
            },
        }, "/api/v1/purchase-history");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["purchases[1].items[0].quantity"], (await Pos.ErrorsAsync(response)).Keys);
        Assert.False(await App.InTenantAsync(_tenant.Id, db => db.Purchases.AnyAsync(p => p.Origin == PurchaseOrigin.History && p.TotalAmount == 10m)));
    }

    [Fact]
    public async Task Return_Should_Be_Refused_Not_Overflow_When_Its_Amount_Is_Absurd()
    {
        var coupon = Pos.NextCoupon();
        Assert.Equal(HttpStatusCode.Created, (await _pos.PostAsync(Pos.Purchase(_customer.CardNumber, 10m, coupon))).StatusCode);

        var response = await _pos.ReturnAsync(coupon, "D1", decimal.MaxValue);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task OccurredAt_Without_Offset_Should_Be_400_Naming_The_Field()
    {
        var response = await _pos.PostAsync(Purchase(_customer.CardNumber, 1m, 10m, occurredAt: "2026-12-01T10:00:00"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await Pos.ErrorsAsync(response);
        Assert.Equal(["occurredAt"], errors.Keys);
        Assert.Contains("fuso horário", errors["occurredAt"]);
    }

    [Fact]
    public async Task OccurredAt_With_Z_Or_An_Offset_Should_Be_Accepted()
    {
        var now = DateTimeOffset.UtcNow;
        var utc = await _pos.PostAsync(Purchase(_customer.CardNumber, 1m, 10m, occurredAt: now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        var brasilia = await _pos.PostAsync(Purchase(_customer.CardNumber, 1m, 10m,
            occurredAt: now.ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Created, utc.StatusCode);
        Assert.Equal(HttpStatusCode.Created, brasilia.StatusCode);
    }

    [Fact]
    public async Task OccurredAt_Without_Offset_Should_Be_400_Naming_The_Entry_In_Purchase_History_And_Returns()
    {
        var history = await _history.PostAsync(new
        {
            purchases = new[]
            {
                HistoryEntry(Purchase(_customer.CardNumber, 1m, 10m)),
                HistoryEntry(Purchase(_customer.CardNumber, 1m, 10m, occurredAt: "2025-12-01T10:00:00")),
            },
        }, "/api/v1/purchase-history");
        var coupon = Pos.NextCoupon();
        Assert.Equal(HttpStatusCode.Created, (await _pos.PostAsync(Pos.Purchase(_customer.CardNumber, 10m, coupon))).StatusCode);
        var refund = await _pos.SendAsync($"/api/v1/purchases/1/{coupon}/returns",
            new { returnNumber = "D1", occurredAt = "2026-12-01T10:00:00", amount = 1m }, _pos.Key);

        Assert.Equal(HttpStatusCode.BadRequest, history.StatusCode);
        Assert.Equal(["purchases[1].occurredAt"], (await Pos.ErrorsAsync(history)).Keys);
        Assert.Equal(HttpStatusCode.BadRequest, refund.StatusCode);
        Assert.Equal(["occurredAt"], (await Pos.ErrorsAsync(refund)).Keys);
    }

    [Fact]
    public async Task Api_Answers_Should_Not_Be_Stored_By_Any_Cache()
    {
        var created = await _pos.PostAsync(Pos.Purchase(_customer.CardNumber, 10m));
        var refused = await _pos.PostAsync(new { });
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers/{_customer.CardNumber}") { Headers = { { "X-Api-Key", _pos.Key } } };
        var customer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
        Assert.All([created, refused, customer], r => Assert.True(r.Headers.CacheControl?.NoStore, $"{r.RequestMessage?.RequestUri}: {r.Headers.CacheControl}"));
    }

    private static JsonObject HistoryEntry(object purchase)
    {
        var entry = JsonSerializer.SerializeToNode(purchase, JsonSerializerOptions.Web)!.AsObject();
        entry["storeCode"] = "B01";
        return entry;
    }
}
