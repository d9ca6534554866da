using System.Net;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Security;

/// <summary>An app that cuts an address off after 3 bad API keys a minute, and reads the client address from
/// X-Forwarded-For so one test can speak from several addresses.</summary>
public sealed class ApiKeyGuessingFixture : IAsyncLifetime
{
    public LoyaltyAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await LoyaltyAppFactory.CreateAsync(new Dictionary<string, string?>
    {
        ["RateLimits:InvalidApiKeysPerMinute"] = "3",
        ["Proxy:TrustForwardedHeaders"] = "true",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ApiKeyGuessingTests(ApiKeyGuessingFixture fixture) : IClassFixture<ApiKeyGuessingFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Bad_Keys_Should_Cut_Their_Address_Off_With_429_And_Retry_After_While_Other_Addresses_Work()
    {
        var t = await App.CreateTenantAsync("guess-a");
        var valid = await App.CreateApiKeyAsync(t.Id, null, "erp");
        const string guesser = "203.0.113.7";

        var guesses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            guesses.Add(await MeAsync("lk_" + new string((char)('a' + i), 64), guesser));
        }
        // While cut off the key is not looked up at all: even a valid key this server has not seen yet is refused.
        var unseenValidFromGuesser = await MeAsync(valid, guesser);
        var validElsewhere = await MeAsync(valid, "198.51.100.20");
        // Once seen (served from memory, no lookup), a valid key works from the cut-off address too: the other POS
        // terminals behind a misconfigured one's address go on working.
        var knownValidFromGuesser = await MeAsync(valid, guesser);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            guesses.Select(r => r.StatusCode));
        Assert.True(guesses[3].Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {guesses[3].Headers.RetryAfter}");
        Assert.Equal("application/problem+json", guesses[3].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, unseenValidFromGuesser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, validElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, knownValidFromGuesser.StatusCode);
    }

    private async Task<HttpResponseMessage> MeAsync(string key, string address)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me") { Headers = { { "X-Api-Key", key }, { "X-Forwarded-For", address } } };
        return await client.SendAsync(request);
    }
}
