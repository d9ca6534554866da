using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Identity;

public sealed class UserFormTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Create_User_Should_Explain_The_Short_Password_Next_To_It_And_Keep_The_Typed_Name()
    {
        var t = await App.CreateTenantAsync("form-a");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var response = await admin.PostFormFromPageAsync("/usuarios/novo", "/usuarios/novo", new Dictionary<string, string>
        {
            ["FullName"] = "Beatriz Digitada", ["Email"] = "beatriz@form-a.test", ["Role"] = nameof(StaffRole.CreditAnalyst),
            ["Culture"] = "pt-BR", ["Password"] = "Ab1",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A senha precisa ter pelo menos 10 caracteres.", Html.FieldMessage(page, "Password"));
        Assert.Equal("Beatriz Digitada", Html.InputValue(page, "FullName"));
        Assert.Equal("beatriz@form-a.test", Html.InputValue(page, "Email"));
        Assert.False(await App.InTenantAsync(t.Id, db => db.Users.AnyAsync(u => u.Email == "beatriz@form-a.test")));
    }

    [Fact]
    public async Task Create_User_Should_Require_A_Store_For_A_Cashier()
    {
        var t = await App.CreateTenantAsync("form-b");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var response = await admin.PostFormFromPageAsync("/usuarios/novo", "/usuarios/novo", new Dictionary<string, string>
        {
            ["FullName"] = "Caixa Sem Loja", ["Email"] = "caixa@form-b.test", ["Role"] = nameof(StaffRole.Cashier),
            ["Culture"] = "pt-BR", ["Password"] = TestData.Password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Html.FieldMessage(await response.Content.ReadAsStringAsync(), "StoreIds"));
    }

    [Fact]
    public async Task Created_User_Should_Sign_In_And_See_Only_The_Assigned_Store()
    {
        var t = await App.CreateTenantAsync("form-c");
        var own = await App.CreateStoreAsync(t.Id, "C01");
        await App.CreateStoreAsync(t.Id, "C02");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var created = await admin.PostFormFromPageAsync("/usuarios/novo", "/usuarios/novo", new Dictionary<string, string>
        {
            ["FullName"] = "Caixa Novo", ["Email"] = "caixa@form-c.test", ["Role"] = nameof(StaffRole.Cashier),
            ["StoreIds"] = own.ToString(), ["Culture"] = "pt-BR", ["Password"] = TestData.Password,
        });
        using var cashier = App.CreateStaffClient();
        await cashier.SignInOrThrowAsync(t.Code, "caixa@form-c.test", TestData.Password);
        var stores = Html.Text(await cashier.Http.GetStringAsync("/lojas"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("C01", stores);
        Assert.DoesNotContain("C02", stores);
    }
}
