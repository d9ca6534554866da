using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Loyalty.Domain.Integration;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Api;

public sealed partial class ApiKeyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Me_Should_Name_Tenant_And_Store_When_Called_With_A_Store_Key()
    {
        var t = await App.CreateTenantAsync("api-a");
        var store = await App.CreateStoreAsync(t.Id, "P01");
        var secret = await App.CreateApiKeyAsync(t.Id, store, "PDV 1");

        var (status, body) = await MeAsync(secret);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("api-a", body!.RootElement.GetProperty("tenant").GetString());
        Assert.Equal("P01", body.RootElement.GetProperty("store").GetString());
        Assert.Equal("store", body.RootElement.GetProperty("keyKind").GetString());
        Assert.Equal("PDV 1", body.RootElement.GetProperty("keyName").GetString());
    }

    [Fact]
    public async Task Me_Should_Say_Tenant_Key_When_Called_With_A_Key_Without_Store()
    {
        var t = await App.CreateTenantAsync("api-b");
        var secret = await App.CreateApiKeyAsync(t.Id, null, "ERP");

        var (status, body) = await MeAsync(secret);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("api-b", body!.RootElement.GetProperty("tenant").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("store").ValueKind);
        Assert.Equal("tenant", body.RootElement.GetProperty("keyKind").GetString());
    }

    [Fact]
    public async Task Me_Should_Answer_401_When_The_Key_Is_Missing_Or_Unknown()
    {
        var t = await App.CreateTenantAsync("api-c");
        var real = await App.CreateApiKeyAsync(t.Id, null);

        var (missing, _) = await MeAsync(null);
        var (unknown, _) = await MeAsync("lk_" + new string('0', 64));
        var (tampered, _) = await MeAsync(real[..^1] + (real[^1] == '0' ? '1' : '0'));

        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered);
    }

    [Fact]
    public async Task Me_Should_Answer_401_When_Only_A_Staff_Session_Is_Presented()
    {
        var t = await App.CreateTenantAsync("api-d");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var response = await client.Http.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_Should_Answer_401_When_The_Key_Was_Revoked_In_The_Screens()
    {
        var t = await App.CreateTenantAsync("api-e");
        var secret = await App.CreateApiKeyAsync(t.Id, null, "a revogar");
        var keyId = await App.InTenantAsync(t.Id, db => db.ApiKeys.Select(k => k.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(secret)).Status);
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var revoke = await admin.PostFormFromPageAsync("/chaves-api", $"/chaves-api/{keyId}/revogar", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(secret)).Status);
        Assert.NotNull(await App.InTenantAsync(t.Id, db => db.ApiKeys.Select(k => k.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task Created_Key_Should_Be_Shown_Once_And_Stored_Only_As_A_Hash()
    {
        var t = await App.CreateTenantAsync("api-f");
        var store = await App.CreateStoreAsync(t.Id, "P02");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var issued = await admin.PostFormFromPageAsync("/chaves-api/nova", "/chaves-api/nova",
            new Dictionary<string, string> { ["Name"] = "PDV da tela", ["StoreId"] = store.ToString() });
        var issuedPage = await issued.Content.ReadAsStringAsync();
        var secret = SecretRegex().Match(issuedPage).Value;
        var list = await admin.Http.GetStringAsync("/chaves-api");
        var stored = await App.InTenantAsync(t.Id, db => db.ApiKeys.Select(k => k.SecretHash).SingleAsync());

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.StartsWith("lk_", secret);
        Assert.Contains("no-store", issued.Headers.CacheControl?.ToString());
        Assert.Contains("PDV da tela", list);
        Assert.DoesNotContain(secret, list);
        Assert.DoesNotContain(secret[3..], list);
        Assert.NotEqual(secret, stored);
        Assert.DoesNotContain(secret[3..], stored);
        Assert.Equal(ApiKey.Hash(secret), stored);
        Assert.Equal("P02", (await MeAsync(secret)).Body!.RootElement.GetProperty("store").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_Should_Be_Published_And_Describe_The_Key_Header()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("X-Api-Key", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetRawText());
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/me", out _));
    }

    [Theory]
    [InlineData("GET", "/api/v1/me", false)]
    [InlineData("GET", "/api/v1/me", true)]
    [InlineData("GET", "/api/v1/nao-existe", true)]
    [InlineData("POST", "/api/v1/me", true)]
    public async Task Api_Errors_Should_Be_Problem_Details_And_Never_A_Redirect_To_The_Sign_In_Page(string method, string url, bool withKey)
    {
        var t = await App.CreateTenantAsync("api-" + Guid.NewGuid().ToString("N")[..6]);
        // GET /me with a key: an unknown one; elsewhere a valid key, so only the path or the method is wrong.
        var key = url == "/api/v1/me" && method == "GET" ? "lk_desconhecida" : await App.CreateApiKeyAsync(t.Id, null);
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (withKey)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        var response = await client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
    }

    private async Task<(HttpStatusCode Status, JsonDocument? Body)> MeAsync(string? key)
    {
        using var client = App.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        var response = await client.GetAsync("/api/v1/me");
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()) : null);
    }

    [GeneratedRegex("lk_[0-9a-f]{64}")]
    private static partial Regex SecretRegex();
}
