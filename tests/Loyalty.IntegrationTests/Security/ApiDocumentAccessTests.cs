using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Security;

/// <summary>The OpenAPI document and /scalar in Production: signed-in staff only by default, or not served at all
/// (Api:PublishDocument). The other test classes read the document anonymously, as Development serves it.</summary>
public sealed class ApiDocumentAccessTests
{
    private static readonly string[] Urls = ["/openapi/v1.json", "/scalar/"]; // /scalar itself redirects to /scalar/;

    [Fact]
    public async Task Production_Should_Serve_The_Document_To_Signed_In_Staff_Only_By_Default()
    {
        await using var app = await ProductionAppAsync(null);
        var t = await app.CreateTenantAsync("doc-a");
        var cashierEmail = await app.CreateUserAsync(t.Id, StaffRole.Cashier, await app.CreateStoreAsync(t.Id, "D01"));
        using var anonymous = app.CreateStaffClient();
        using var cashier = app.CreateStaffClient();
        await cashier.SignInOrThrowAsync(t.Code, cashierEmail, TestData.Password);

        foreach (var url in Urls)
        {
            var refused = await anonymous.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/entrar", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            var served = await cashier.Http.GetAsync(url);
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"{url}: {served.StatusCode} {served.Headers.Location}");
        }
    }

    [Fact]
    public async Task Production_Should_Not_Serve_The_Document_When_Turned_Off()
    {
        await using var app = await ProductionAppAsync("Off");
        var t = await app.CreateTenantAsync("doc-b");
        using var admin = app.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        foreach (var url in Urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(url)).StatusCode);
        }
    }

    private static Task<LoyaltyAppFactory> ProductionAppAsync(string? publish) => LoyaltyAppFactory.CreateAsync(new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        ["Api:PublishDocument"] = publish,
    });
}
