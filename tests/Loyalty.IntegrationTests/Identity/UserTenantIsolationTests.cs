using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Identity;

public sealed class UserTenantIsolationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task User_Pages_Should_Answer_404_When_The_User_Belongs_To_Another_Tenant()
    {
        var a = await App.CreateTenantAsync("usr-a");
        var b = await App.CreateTenantAsync("usr-b");
        var analystOfB = await App.UserIdAsync(b.Id, await App.CreateUserAsync(b.Id, StaffRole.CreditAnalyst));
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(a.Code, a.AdminEmail, TestData.Password);

        var foreign = await client.Http.GetAsync($"/usuarios/{analystOfB}/editar");
        var missing = await client.Http.GetAsync($"/usuarios/{Guid.NewGuid()}/editar");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task User_Changes_Should_Answer_404_When_The_User_Belongs_To_Another_Tenant()
    {
        var a = await App.CreateTenantAsync("usr-c");
        var b = await App.CreateTenantAsync("usr-d");
        var email = await App.CreateUserAsync(b.Id, StaffRole.CreditAnalyst);
        var analystOfB = await App.UserIdAsync(b.Id, email);
        // Setup as superuser: B's analyst is locked out, so an unlock that crossed tenants would show.
        await App.Database.Server.ExecuteAsync(App.Database.Name,
            $"UPDATE staff_users SET lockout_end = now() + interval '1 hour' WHERE id = '{analystOfB}'");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(a.Code, a.AdminEmail, TestData.Password);
        var page = await client.Http.GetStringAsync("/usuarios");

        foreach (var id in new[] { analystOfB, Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/usuarios/{id}/desbloquear", page, new Dictionary<string, string>())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/usuarios/{id}/editar", page, new Dictionary<string, string>
            {
                ["FullName"] = "Tomado por A", ["Email"] = email, ["Role"] = nameof(StaffRole.TenantAdmin), ["Culture"] = "pt-BR", ["IsActive"] = "true",
            })).StatusCode);
        }

        var user = await App.InTenantAsync(b.Id, db => db.Users.SingleAsync(u => u.Id == analystOfB));
        Assert.Equal(StaffRole.CreditAnalyst, user.Role);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(30));
    }

    [Fact]
    public async Task Create_User_Should_Refuse_A_Store_Of_Another_Tenant_Like_A_Missing_One()
    {
        var a = await App.CreateTenantAsync("usr-e");
        var b = await App.CreateTenantAsync("usr-f");
        var storeOfB = await App.CreateStoreAsync(b.Id, "F01");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(a.Code, a.AdminEmail, TestData.Password);

        async Task<string> MessageFor(Guid storeId)
        {
            var response = await client.PostFormFromPageAsync("/usuarios/novo", "/usuarios/novo", new Dictionary<string, string>
            {
                ["FullName"] = "Caixa de A", ["Email"] = "caixa@usr-e.test", ["Role"] = nameof(StaffRole.Cashier),
                ["StoreIds"] = storeId.ToString(), ["Culture"] = "pt-BR", ["Password"] = TestData.Password,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Html.FieldMessage(await response.Content.ReadAsStringAsync(), "StoreIds");
        }

        var foreign = await MessageFor(storeOfB);
        var missing = await MessageFor(Guid.NewGuid());

        Assert.NotEmpty(foreign);
        Assert.Equal(missing, foreign);
        Assert.False(await App.InTenantAsync(a.Id, db => db.Users.AnyAsync(u => u.Email == "caixa@usr-e.test")));
    }
}
