using System.Net.Http.Json;
using System.Text.Json;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Purchases;

/// <summary>A POS terminal of one store: posts purchases, cancellations and returns with the store's key.</summary>
internal sealed class Pos(LoyaltyAppFactory app, string key)
{
    private static int _coupon = Random.Shared.Next(1_000, 1_000_000);

    public string Key => key;

    public static string NextCoupon() => Interlocked.Increment(ref _coupon).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One item at R$ <paramref name="total"/> paid in cash, now.</summary>
    public static object Purchase(string card, decimal total, string? coupon = null, DateTimeOffset? at = null, string pos = "1") => new
    {
        posNumber = pos,
        couponNumber = coupon ?? NextCoupon(),
        occurredAt = at ?? DateTimeOffset.UtcNow,
        customer = new { cardNumber = card },
        totalAmount = total,
        items = new[] { new { productCode = "7891000100103", quantity = 1m, unitPrice = total, totalPrice = total } },
        payments = new[] { new { method = "dinheiro", amount = total } },
    };

    public Task<HttpResponseMessage> PostAsync(object body, string path = "/api/v1/purchases") => SendAsync(path, body, key);

    public Task<HttpResponseMessage> CancelAsync(string coupon, string pos = "1") => SendAsync($"/api/v1/purchases/{pos}/{coupon}/cancel", null, key);

    public Task<HttpResponseMessage> ReturnAsync(string coupon, string returnNumber, decimal amount, string pos = "1") =>
        SendAsync($"/api/v1/purchases/{pos}/{coupon}/returns", new { returnNumber, occurredAt = DateTimeOffset.UtcNow, amount }, key);

    public async Task<HttpResponseMessage> SendAsync(string path, object? body, string? apiKey)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response) =>
        (await BodyAsync(response)).GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
}
