using System.Buffers.Binary;
using System.Net;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Security;

/// <summary>The defaults the framework does not give by itself (issue 3, "Security defaults").</summary>
public sealed class SecurityDefaultsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Theory]
    [InlineData("/entrar")]
    [InlineData("/erro/404")]
    public async Task Page_Should_Carry_The_Security_Headers(string url)
    {
        using var client = App.CreateStaffClient();

        var response = await client.Http.GetAsync(url);

        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Session_And_Antiforgery_Cookies_Should_Be_Secure_HttpOnly_And_SameSite_Strict()
    {
        var t = await App.CreateTenantAsync("sec-a");
        using var client = App.CreateStaffClient();
        var signInPage = await client.Http.GetAsync("/entrar");

        var signIn = await client.PostFormAsync("/entrar", await signInPage.Content.ReadAsStringAsync(), new Dictionary<string, string>
        {
            ["TenantCode"] = t.Code, ["Email"] = t.AdminEmail, ["Password"] = TestData.Password,
        });

        foreach (var cookie in new[] { CookieOf(signIn, "loyalty.session"), CookieOf(signInPage, "loyalty.antiforgery") })
        {
            var flags = cookie.Split(';').Skip(1).Select(f => f.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("secure", flags);
            Assert.Contains("httponly", flags);
            Assert.Contains("samesite=strict", flags);
        }
    }

    [Fact]
    public async Task Staff_Session_Should_Last_Half_An_Hour_On_The_Server_And_End_With_The_Browser()
    {
        var t = await App.CreateTenantAsync("sec-d");
        var adminId = await App.UserIdAsync(t.Id, t.AdminEmail);
        using var client = App.CreateStaffClient();

        var signIn = await client.SignInAsync(t.Code, t.AdminEmail, TestData.Password);
        await using var connection = await Sql.OpenAsAppAsync(App.Database);
        var expiresAt = await Sql.ScalarAsync<DateTime>(connection, $"SELECT max(expires_at) FROM auth_sessions WHERE user_id = '{adminId}'");

        // No Expires/Max-Age: the cookie dies with the browser; the server-side session slides in 30-minute steps.
        Assert.DoesNotContain("expires=", CookieOf(signIn, "loyalty.session").ToLowerInvariant());
        Assert.DoesNotContain("max-age=", CookieOf(signIn, "loyalty.session").ToLowerInvariant());
        Assert.InRange(expiresAt - DateTime.UtcNow, TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(31));
    }

    [Fact]
    public async Task Password_Hash_Should_Use_At_Least_210000_Iterations()
    {
        var t = await App.CreateTenantAsync("sec-b");
        var hash = await App.InTenantAsync(t.Id, db => db.Users.Select(u => u.PasswordHash).SingleAsync());

        // Identity's V3 format: 0x01, then big-endian PRF, iteration count, salt length, salt, subkey.
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));

        Assert.True(iterations >= 210_000, $"{iterations} iterations");
        Assert.Equal((uint)IdentityServices.PasswordHashIterations, iterations);
    }

    [Fact]
    public async Task Data_Protection_Keys_Should_Live_In_The_Database_So_Another_Instance_Reads_The_Cookies()
    {
        var t = await App.CreateTenantAsync("sec-c");
        using var client = App.CreateStaffClient();
        var signIn = await client.SignInAsync(t.Code, t.AdminEmail, TestData.Password);
        await using var connection = await Sql.OpenAsAppAsync(App.Database);
        var keys = await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM data_protection_keys");

        // A second instance of the app on the same database (another web server) knows nothing but what the database holds.
        await using var secondInstance = new LoyaltyAppFactory(App.Database);
        using var replay = secondInstance.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost"),
        });
        replay.DefaultRequestHeaders.Add("Cookie", CookieOf(signIn, "loyalty.session").Split(';')[0]);

        Assert.True(keys >= 1);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/lojas")).StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;

    private static string CookieOf(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
}
