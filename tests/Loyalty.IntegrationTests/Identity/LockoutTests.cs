using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Identity;

namespace Loyalty.IntegrationTests.Identity;

public sealed class LockoutTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Invalid = "Empresa, e-mail ou senha inválidos.";
    private const string LockedOut = "Acesso bloqueado temporariamente";

    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Sign_In_Should_Refuse_The_Right_Password_When_Five_Wrong_Ones_Came_Before()
    {
        var t = await App.CreateTenantAsync("lock-a");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CreditAnalyst);
        using var client = App.CreateStaffClient();

        for (var i = 0; i < IdentityServices.MaxFailedSignIns; i++)
        {
            var wrong = await client.SignInAsync(t.Code, email, "Errada@12345");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await client.SignInAsync(t.Code, email, TestData.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith(LockedOut, Html.SignInError(await right.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Sign_In_Should_Give_The_Same_Answer_When_The_Company_The_Email_Or_The_Password_Is_Wrong()
    {
        var t = await App.CreateTenantAsync("lock-b");
        var other = await App.CreateTenantAsync("lock-c");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CreditAnalyst);
        using var client = App.CreateStaffClient();

        var unknownCompany = await client.SignInAsync("nao-existe", email, TestData.Password);
        var otherCompany = await client.SignInAsync(other.Code, email, TestData.Password);
        var unknownEmail = await client.SignInAsync(t.Code, "ninguem@lock-b.test", TestData.Password);
        var wrongPassword = await client.SignInAsync(t.Code, email, "Errada@12345");

        foreach (var response in new[] { unknownCompany, otherCompany, unknownEmail, wrongPassword })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Invalid, Html.SignInError(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task Unlock_By_The_TenantAdmin_Should_Let_The_User_In_Again()
    {
        var t = await App.CreateTenantAsync("lock-d");
        var email = await App.CreateUserAsync(t.Id, StaffRole.CardOperator);
        var userId = await App.UserIdAsync(t.Id, email);
        using var user = App.CreateStaffClient();
        for (var i = 0; i < IdentityServices.MaxFailedSignIns; i++)
        {
            await user.SignInAsync(t.Code, email, "Errada@12345");
        }
        Assert.StartsWith(LockedOut, Html.SignInError(await (await user.SignInAsync(t.Code, email, TestData.Password)).Content.ReadAsStringAsync()));
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var unlock = await admin.PostFormFromPageAsync($"/usuarios/{userId}/editar", $"/usuarios/{userId}/desbloquear", new Dictionary<string, string>());
        var signIn = await user.SignInAsync(t.Code, email, TestData.Password);

        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}
