using System.Diagnostics;
using System.Net;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Security;

/// <summary>An app with low limits: 3 sign-in attempts a minute per address, 2 API calls a second per key.</summary>
public sealed class RateLimitFixture : IAsyncLifetime
{
    public LoyaltyAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await LoyaltyAppFactory.CreateAsync(new Dictionary<string, string?>
    {
        ["RateLimits:SignInPerMinute"] = "3",
        ["RateLimits:ApiPerSecond"] = "2",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class RateLimitTests(RateLimitFixture fixture) : IClassFixture<RateLimitFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Sign_In_Should_Answer_429_With_Retry_After_When_Attempts_Exceed_The_Limit()
    {
        var t = await App.CreateTenantAsync("rate-a");
        using var client = App.CreateStaffClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.SignInAsync(t.Code, t.AdminEmail, "Errada@12345");
            statuses.Add(last.StatusCode);
        }

        // The window is a minute long and the four posts take well under a second.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {last.Headers.RetryAfter}");
    }

    [Fact]
    public async Task Api_Should_Answer_429_With_Retry_After_When_A_Key_Exceeds_Its_Calls_Per_Second()
    {
        var t = await App.CreateTenantAsync("rate-b");
        using var api = App.CreateClient();

        // A fresh key starts its own one-second window at its first call, so three calls inside a second must see a 429.
        // A burst that took a second or more (a stalled machine) proves nothing either way and is tried again with a new key.
        List<HttpResponseMessage> burst = [];
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var secret = await App.CreateApiKeyAsync(t.Id, null, $"pdv {attempt}");
            var watch = Stopwatch.StartNew();
            burst = [];
            for (var i = 0; i < 3; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me") { Headers = { { "X-Api-Key", secret } } };
                burst.Add(await api.SendAsync(request));
            }
            if (watch.Elapsed < TimeSpan.FromMilliseconds(900))
            {
                break;
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], burst.Select(r => r.StatusCode));
        Assert.True(burst[2].Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {burst[2].Headers.RetryAfter}");
        Assert.Equal("application/problem+json", burst[2].Content.Headers.ContentType?.MediaType);
    }
}
