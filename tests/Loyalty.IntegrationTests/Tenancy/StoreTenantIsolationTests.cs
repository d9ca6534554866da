using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Tenancy;

public sealed class StoreTenantIsolationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Store_Of_Another_Tenant_Answers_404_Like_A_Missing_One()
    {
        var a = await App.CreateTenantAsync("iso-a");
        var b = await App.CreateTenantAsync("iso-b");
        var storeOfB = await App.CreateStoreAsync(b.Id, "B01");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(a.Code, a.AdminEmail, TestData.Password);

        var foreign = await client.Http.GetAsync($"/lojas/{storeOfB}");
        var missing = await client.Http.GetAsync($"/lojas/{Guid.NewGuid()}");
        var foreignEdit = await client.Http.GetAsync($"/lojas/{storeOfB}/editar");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignEdit.StatusCode);
        // The same page, byte for byte once the per-response antiforgery token is set aside: nothing tells them apart.
        Assert.Equal(WithoutTokens(await missing.Content.ReadAsStringAsync()), WithoutTokens(await foreign.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Store_Changes_Should_Answer_404_When_The_Store_Belongs_To_Another_Tenant()
    {
        var a = await App.CreateTenantAsync("iso-d");
        var b = await App.CreateTenantAsync("iso-e");
        var storeOfB = await App.CreateStoreAsync(b.Id, "E01");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(a.Code, a.AdminEmail, TestData.Password);
        var page = await client.Http.GetStringAsync("/lojas");

        foreach (var id in new[] { storeOfB, Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/lojas/{id}/inativar", page, new Dictionary<string, string>())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/lojas/{id}/ativar", page, new Dictionary<string, string>())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/lojas/{id}/editar", page,
                new Dictionary<string, string> { ["Name"] = "Renomeada por A" })).StatusCode);
        }

        var store = await App.InTenantAsync(b.Id, db => db.Stores.SingleAsync(s => s.Id == storeOfB));
        Assert.True(store.IsActive);
        Assert.Equal("Loja E01", store.Name);
    }

    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", string.Empty);

    [Fact]
    public async Task StoreManager_Sees_Only_Assigned_Stores()
    {
        var t = await App.CreateTenantAsync("iso-c");
        var own = await App.CreateStoreAsync(t.Id, "C01");
        var other = await App.CreateStoreAsync(t.Id, "C02");
        var manager = await App.CreateUserAsync(t.Id, StaffRole.StoreManager, own);
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(t.Code, manager, TestData.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/lojas/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/lojas/{other}")).StatusCode);
        var list = await client.Http.GetStringAsync("/lojas");
        Assert.Contains("C01", list);
        Assert.DoesNotContain("C02", list);
    }
}
