using System.Net;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Identity;

public sealed class LanguageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Language_Switch_Should_Make_The_Next_Page_English_And_Stick_To_The_User()
    {
        var t = await App.CreateTenantAsync("lang-a");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);
        var before = Html.Text(await client.Http.GetStringAsync("/"));

        var switched = await client.PostFormFromPageAsync("/", "/idioma", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/lojas" });
        var after = Html.Text(await client.Http.GetStringAsync("/"));
        // A new browser: the choice was saved on the user and comes back with the next sign-in.
        using var otherBrowser = App.CreateStaffClient();
        await otherBrowser.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);
        var elsewhere = Html.Text(await otherBrowser.Http.GetStringAsync("/"));

        Assert.Contains("Sair", before);
        Assert.DoesNotContain("Sign out", before);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/lojas", switched.Headers.Location?.OriginalString);
        Assert.Contains("Sign out", after);
        Assert.Contains("Sign out", elsewhere);
    }

    [Fact]
    public async Task Language_Switch_Should_Refuse_An_Unsupported_Culture()
    {
        var t = await App.CreateTenantAsync("lang-b");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var response = await client.PostFormFromPageAsync("/", "/idioma", new Dictionary<string, string> { ["culture"] = "fr-FR" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Language_Switch_Should_Not_Redirect_Off_Site()
    {
        var t = await App.CreateTenantAsync("lang-c");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var response = await client.PostFormFromPageAsync("/", "/idioma",
            new Dictionary<string, string> { ["culture"] = "es-MX", ["returnUrl"] = "https://evil.example/" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
