using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Api;

/// <summary>
/// What /api answers when the request never reaches an action's logic (SPEC §12): a body too large is 413, a body that
/// is not JSON 415, an unknown path 404, a wrong method 405 — never 500, and never 401 for a valid key — and every
/// refusal, 401 and 403 included, is problem details whatever the caller's Accept header says.
/// </summary>
public sealed class ApiStatusAnswerTests(KestrelAppFixture fixture) : IClassFixture<KestrelAppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private string _storeKey = default!;
    private string _tenantKey = default!;

    public async Task InitializeAsync()
    {
        var tenant = await App.CreateTenantAsync($"st{Guid.NewGuid():N}"[..10]);
        _storeKey = await App.CreateApiKeyAsync(tenant.Id, await App.CreateStoreAsync(tenant.Id, "P01"));
        _tenantKey = await App.CreateApiKeyAsync(tenant.Id, null);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/api/v1/purchases", "store", 1_572_864)]
    [InlineData("/api/v1/purchases", "store", 2 * 1024 * 1024)]
    [InlineData("/api/v1/purchases", "store", 10 * 1024 * 1024)]
    [InlineData("/api/v1/customers", "tenant", 2 * 1024 * 1024)]
    [InlineData("/api/v1/purchases/1/123/returns", "store", 2 * 1024 * 1024)]
    [InlineData("/api/v1/purchase-history", "tenant", 17 * 1024 * 1024)]
    public async Task Body_Over_The_Limit_Should_Be_413_Problem_Details_Not_500(string path, string key, int bytes)
    {
        var json = "{\"posNumber\":\"" + new string('x', bytes) + "\"}";
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", Key(key));
        // As a careful POS does: Kestrel refuses by Content-Length before the body travels. Without it, a client still
        // sending megabytes when the 413 arrives sees the connection closed instead.
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/api/v1/purchases", "store", "text/plain", "posNumber=1")]
    [InlineData("/api/v1/purchases", "store", "application/xml", "<purchase/>")]
    [InlineData("/api/v1/purchases", "store", "application/x-www-form-urlencoded", "posNumber=1")]
    [InlineData("/api/v1/purchases", "store", null, "{\"posNumber\":\"1\"}")]
    [InlineData("/api/v1/purchases/1/123/returns", "store", "text/plain", "{}")]
    [InlineData("/api/v1/purchases/1/123/returns", "store", null, "{}")]
    [InlineData("/api/v1/customers", "tenant", "text/plain", "{}")]
    [InlineData("/api/v1/customers", "tenant", "application/xml", "<customer/>")]
    [InlineData("/api/v1/customers", "tenant", null, "{}")]
    [InlineData("/api/v1/purchase-history", "tenant", "application/x-www-form-urlencoded", "purchases=1")]
    [InlineData("/api/v1/purchase-history", "tenant", null, "{}")]
    public async Task Body_That_Is_Not_Json_Should_Be_415_Problem_Details_For_A_Valid_Key(string path, string key, string? mediaType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = mediaType is null ? null : new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };

        var response = await SendAsync(HttpMethod.Post, path, Key(key), content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/v1/purchases", "text/plain")]
    [InlineData("/api/v1/customers", "application/xml")]
    public async Task Body_That_Is_Not_Json_Should_Still_Be_401_Without_A_Valid_Key(string path, string mediaType)
    {
        var missing = await SendAsync(HttpMethod.Post, path, null, new StringContent("x", Encoding.UTF8, mediaType));
        var unknown = await SendAsync(HttpMethod.Post, path, "lk_" + new string('0', 64), new StringContent("x", Encoding.UTF8, mediaType));

        await AssertProblemAsync(missing, HttpStatusCode.Unauthorized);
        await AssertProblemAsync(unknown, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET", "/api/v1/purchases", "store", "POST")]
    [InlineData("DELETE", "/api/v1/me", "store", "GET")]
    [InlineData("PUT", "/api/v1/customers", "tenant", "POST")]
    [InlineData("GET", "/api/v1/purchases/1/123/cancel", "store", "POST")]
    [InlineData("POST", "/api/v1/customers/123/statement", "tenant", "GET")]
    public async Task Wrong_Method_With_A_Valid_Key_Should_Be_405_With_Allow(string method, string path, string key, string allowed)
    {
        var response = await SendAsync(new HttpMethod(method), path, Key(key));

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains(allowed, response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/api/v1/nao-existe", "store")]
    [InlineData("/api/v2/customers/123", "tenant")]
    [InlineData("/api", "store")]
    public async Task Unknown_Path_With_A_Valid_Key_Should_Be_404_Problem_Details(string path, string key)
    {
        var response = await SendAsync(HttpMethod.Get, path, Key(key));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, string?, string?> Refusals()
    {
        var data = new TheoryData<string, string, string?, string?>();
        string[] accepts = ["", "text/html", "application/xml", "text/plain", "*/*"];
        (string Method, string Path)[] endpoints =
        [
            ("GET", "/api/v1/me"), ("GET", "/api/v1/customers/123"), ("POST", "/api/v1/customers"),
            ("GET", "/api/v1/customers/123/statement"), ("POST", "/api/v1/purchases"), ("POST", "/api/v1/purchases/1/2/cancel"),
            ("POST", "/api/v1/purchases/1/2/returns"), ("POST", "/api/v1/purchase-history"), ("GET", "/api/v1/nao-existe"),
            ("DELETE", "/api/v1/purchases"),
        ];
        foreach (var (method, path) in endpoints)
        {
            foreach (var accept in accepts)
            {
                data.Add(method, path, null, accept);
                data.Add(method, path, "invalid", accept);
            }
        }
        // A key of the other kind: 403.
        foreach (var accept in accepts)
        {
            data.Add("GET", "/api/v1/customers/123", "tenant", accept);
            data.Add("POST", "/api/v1/customers", "store", accept);
            data.Add("GET", "/api/v1/customers/123/statement", "store", accept);
            data.Add("POST", "/api/v1/purchases", "tenant", accept);
            data.Add("POST", "/api/v1/purchases/1/2/cancel", "tenant", accept);
            data.Add("POST", "/api/v1/purchase-history", "store", accept);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_401_And_403_Should_Carry_Problem_Details_Whatever_The_Accept_Header(string method, string path, string? key, string? accept)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        if (!string.IsNullOrEmpty(accept))
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        var presented = key switch { null => null, "invalid" => "lk_" + new string('1', 64), _ => Key(key) };
        if (presented is not null)
        {
            request.Headers.Add("X-Api-Key", presented);
        }
        using var client = NewClient();

        var response = await client.SendAsync(request);

        var expected = key is "store" or "tenant" ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized;
        await AssertProblemAsync(response, expected);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task Screens_Should_Keep_Their_Friendly_Pages()
    {
        var signIn = await SendAsync(HttpMethod.Get, "/clientes", null);

        // Over a real socket the client follows the redirect itself: it lands on the sign-in page.
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("/entrar", signIn.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal("text/html", signIn.Content.Headers.ContentType?.MediaType);
    }

    private string Key(string kind) => kind == "store" ? _storeKey : _tenantKey;

    private HttpClient NewClient() => App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = App.ClientOptions.BaseAddress, // Kestrel's port
    });

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        using var client = NewClient();
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return await client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
    }
}
