using System.Net;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Api;

public sealed class ApiKeyTenantIsolationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Revoke_Should_Answer_404_And_Leave_The_Key_Working_When_The_Key_Belongs_To_Another_Tenant()
    {
        var a = await App.CreateTenantAsync("key-a");
        var b = await App.CreateTenantAsync("key-b");
        var secretOfB = await App.CreateApiKeyAsync(b.Id, null, "chave de B");
        var keyOfB = await App.InTenantAsync(b.Id, db => db.ApiKeys.Select(k => k.Id).SingleAsync());
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(a.Code, a.AdminEmail, TestData.Password);
        var page = await client.Http.GetStringAsync("/chaves-api");

        var foreign = await client.PostFormAsync($"/chaves-api/{keyOfB}/revogar", page, new Dictionary<string, string>());
        var missing = await client.PostFormAsync($"/chaves-api/{Guid.NewGuid()}/revogar", page, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("chave de B", page);
        using var api = App.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", secretOfB);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Key_Should_Speak_Alone_For_Its_Tenant_When_It_Comes_With_A_Staff_Session_Of_Another_Tenant()
    {
        var a = await App.CreateTenantAsync("key-c");
        var b = await App.CreateTenantAsync("key-d");
        var keyOfA = await App.CreateApiKeyAsync(a.Id, null);
        var keyOfB = await App.CreateApiKeyAsync(b.Id, null);
        // A browser signed in to A's back-office (the API reference page sends the session cookie along).
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(a.Code, a.AdminEmail, TestData.Password);

        var sameTenant = await client.Http.SendAsync(MeRequest(keyOfA));
        var otherTenant = await client.Http.SendAsync(MeRequest(keyOfB));

        // Under /api the session cookie is not read at all (the key scheme answers for it), so the two never mix: B's
        // key answers for B, never for A.
        Assert.Equal(HttpStatusCode.OK, sameTenant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTenant.StatusCode);
        Assert.Contains("\"key-d\"", await otherTenant.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_Key_Should_Refuse_A_Store_Of_Another_Tenant_Like_A_Missing_One()
    {
        var a = await App.CreateTenantAsync("key-e");
        var b = await App.CreateTenantAsync("key-f");
        var storeOfB = await App.CreateStoreAsync(b.Id, "F01");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(a.Code, a.AdminEmail, TestData.Password);

        var foreign = await client.PostFormFromPageAsync("/chaves-api/nova", "/chaves-api/nova",
            new Dictionary<string, string> { ["Name"] = "PDV", ["StoreId"] = storeOfB.ToString() });
        var missing = await client.PostFormFromPageAsync("/chaves-api/nova", "/chaves-api/nova",
            new Dictionary<string, string> { ["Name"] = "PDV", ["StoreId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        var message = Html.FieldMessage(await foreign.Content.ReadAsStringAsync(), "StoreId");
        Assert.NotEmpty(message);
        Assert.Equal(Html.FieldMessage(await missing.Content.ReadAsStringAsync(), "StoreId"), message);
        Assert.Equal(0, await App.InTenantAsync(a.Id, db => db.ApiKeys.CountAsync()));
    }

    private static HttpRequestMessage MeRequest(string key) =>
        new(HttpMethod.Get, "/api/v1/me") { Headers = { { "X-Api-Key", key } } };
}
