using System.Net;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Security;

public sealed class AntiforgeryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Create_Store_Should_Be_Refused_When_The_Antiforgery_Token_Is_Missing()
    {
        var t = await App.CreateTenantAsync("csrf-a");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var withoutToken = await client.Http.PostAsync("/lojas/nova",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "F01", ["Name"] = "Forjada" }));
        var withToken = await client.PostFormFromPageAsync("/lojas/nova", "/lojas/nova",
            new Dictionary<string, string> { ["Code"] = "F02", ["Name"] = "Legítima" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        var codes = await App.InTenantAsync(t.Id, db => db.Stores.Select(s => s.Code).ToListAsync());
        Assert.Equal(["F02"], codes);
    }

    [Fact]
    public async Task Create_Store_Should_Be_Refused_When_The_Token_Belongs_To_Another_Session()
    {
        var t = await App.CreateTenantAsync("csrf-b");
        using var attacker = App.CreateStaffClient();
        using var victim = App.CreateStaffClient();
        await attacker.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);
        await victim.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);
        var attackersPage = await attacker.Http.GetStringAsync("/lojas/nova");

        var response = await victim.PostFormAsync("/lojas/nova", attackersPage,
            new Dictionary<string, string> { ["Code"] = "F03", ["Name"] = "Forjada" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_Out_Should_Be_Refused_When_The_Antiforgery_Token_Is_Missing()
    {
        var t = await App.CreateTenantAsync("csrf-c");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var response = await client.Http.PostAsync("/sair", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/lojas")).StatusCode); // still signed in
    }
}
