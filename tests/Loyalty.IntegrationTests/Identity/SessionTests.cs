using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Identity;

public sealed class SessionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Copied_Session_Cookie_Should_Not_Reach_A_Protected_Page_When_Its_Session_Was_Signed_Out()
    {
        var t = await App.CreateTenantAsync("sess-a");
        using var client = App.CreateStaffClient();
        var signIn = await client.SignInAsync(t.Code, t.AdminEmail, TestData.Password);
        var sessionCookie = SessionCookieOf(signIn);
        using var thief = ReplayingClient(sessionCookie);
        var beforeSignOut = await thief.GetAsync("/lojas");

        var signOut = await client.PostFormFromPageAsync("/", "/sair", new Dictionary<string, string>());
        var afterSignOut = await thief.GetAsync("/lojas");

        Assert.Equal(HttpStatusCode.OK, beforeSignOut.StatusCode); // the replay works while the session lives
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.Equal("/entrar", afterSignOut.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("/lojas", "/lojas")]
    [InlineData("https://evil.example/entrar", "/")]
    [InlineData("//evil.example", "/")]
    public async Task Sign_In_Should_Return_Only_To_A_Page_Of_This_Site(string returnUrl, string expected)
    {
        var t = await App.CreateTenantAsync("sess-" + Guid.NewGuid().ToString("N")[..5]);
        using var client = App.CreateStaffClient();

        var response = await client.PostFormAsync("/entrar", await client.Http.GetStringAsync("/entrar"), new Dictionary<string, string>
        {
            ["TenantCode"] = t.Code, ["Email"] = t.AdminEmail, ["Password"] = TestData.Password, ["ReturnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_In_Should_Be_Refused_When_The_User_Was_Deactivated()
    {
        var t = await App.CreateTenantAsync("sess-b");
        var store = await App.CreateStoreAsync(t.Id, "S01");
        var email = await App.CreateUserAsync(t.Id, StaffRole.Cashier, store);
        var userId = await App.UserIdAsync(t.Id, email);
        using (var before = App.CreateStaffClient())
        {
            await before.SignInOrThrowAsync(t.Code, email, TestData.Password);
        }
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var edit = await admin.PostFormFromPageAsync($"/usuarios/{userId}/editar", $"/usuarios/{userId}/editar", new Dictionary<string, string>
        {
            ["FullName"] = "Caixa desligado", ["Email"] = email, ["Role"] = nameof(StaffRole.Cashier), ["StoreIds"] = store.ToString(),
            ["Culture"] = "pt-BR", ["IsActive"] = "false",
        });
        using var cashier = App.CreateStaffClient();
        var signIn = await cashier.SignInAsync(t.Code, email, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("Empresa, e-mail ou senha inválidos.", Html.SignInError(await signIn.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Open_Session_Should_End_Within_A_Minute_When_The_User_Is_Deactivated()
    {
        var t = await App.CreateTenantAsync("sess-c");
        var store = await App.CreateStoreAsync(t.Id, "S01");
        var email = await App.CreateUserAsync(t.Id, StaffRole.Cashier, store);
        var userId = await App.UserIdAsync(t.Id, email);
        // The session re-checks the user every minute; this app's clock for that check can be moved forward.
        var clock = new MovableClock();
        await using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = clock)));
        using var cashier = new StaffClient(app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        }));
        await cashier.SignInOrThrowAsync(t.Code, email, TestData.Password);
        // From here on, every request of the cashier is more than a minute after the last check, so each one re-checks.
        clock.Advance(TimeSpan.FromMinutes(2));
        var whileActive = await cashier.Http.GetAsync("/lojas");

        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);
        var deactivated = await admin.PostFormFromPageAsync($"/usuarios/{userId}/editar", $"/usuarios/{userId}/editar", new Dictionary<string, string>
        {
            ["FullName"] = "Caixa desligado", ["Email"] = email, ["Role"] = nameof(StaffRole.Cashier), ["StoreIds"] = store.ToString(),
            ["Culture"] = "pt-BR", ["IsActive"] = "false",
        });
        var afterDeactivation = await cashier.Http.GetAsync("/lojas");
        var nextRequest = await cashier.Http.GetAsync("/lojas");

        Assert.Equal(HttpStatusCode.OK, whileActive.StatusCode); // the check alone does not end a valid session
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterDeactivation.StatusCode);
        Assert.Equal("/entrar", afterDeactivation.Headers.Location?.AbsolutePath);
        Assert.Equal("/entrar", nextRequest.Headers.Location?.AbsolutePath);
    }

    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan _offset;

        public void Advance(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
    }

    private static string SessionCookieOf(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("loyalty.session=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A client that sends only the copied cookie, as someone who lifted it from the browser would.</summary>
    private HttpClient ReplayingClient(string cookie)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
