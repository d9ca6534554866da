using System.Net;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Tenancy;

/// <summary>The screens that create tenants (PlatformAdmin) and stores (TenantAdmin).</summary>
public sealed class TenantAdministrationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task PlatformAdmin_Should_Create_A_Tenant_Whose_Admin_Can_Sign_In()
    {
        var platformAdmin = await App.CreatePlatformAdminAsync();
        using var platform = App.CreateStaffClient();
        await platform.SignInOrThrowAsync(null, platformAdmin, TestData.Password);

        var created = await platform.PostFormFromPageAsync("/plataforma/empresas/nova", "/plataforma/empresas/nova", new Dictionary<string, string>
        {
            ["Code"] = "Nova-Rede", ["Name"] = "Nova Rede de Postos", ["TimeZoneId"] = "America/Manaus",
            ["AdminName"] = "Primeira Admin", ["AdminEmail"] = "admin@nova-rede.test", ["AdminPassword"] = "Primeira@2026",
        });
        var list = await platform.Http.GetStringAsync("/plataforma/empresas");
        using var admin = App.CreateStaffClient();
        var signIn = await admin.SignInAsync("nova-rede", "admin@nova-rede.test", "Primeira@2026");
        var stores = await admin.Http.GetAsync("/lojas");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Nova Rede de Postos", Html.Text(list));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stores.StatusCode);
    }

    [Fact]
    public async Task Create_Tenant_Should_Keep_The_Typed_Values_When_The_Code_Is_Taken()
    {
        await App.CreateTenantAsync("tomada");
        var platformAdmin = await App.CreatePlatformAdminAsync();
        using var platform = App.CreateStaffClient();
        await platform.SignInOrThrowAsync(null, platformAdmin, TestData.Password);

        var response = await platform.PostFormFromPageAsync("/plataforma/empresas/nova", "/plataforma/empresas/nova", new Dictionary<string, string>
        {
            ["Code"] = "tomada", ["Name"] = "Rede Repetida", ["TimeZoneId"] = "America/Sao_Paulo",
            ["AdminName"] = "Outra Admin", ["AdminEmail"] = "admin@repetida.test", ["AdminPassword"] = "Primeira@2026",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Html.FieldMessage(page, "Code"));
        Assert.Equal("Rede Repetida", Html.InputValue(page, "Name"));
        Assert.Equal("admin@repetida.test", Html.InputValue(page, "AdminEmail"));
    }

    [Fact]
    public async Task Create_Store_Should_Say_The_Code_Is_Taken_And_Keep_The_Typed_Name()
    {
        var t = await App.CreateTenantAsync("adm-a");
        await App.CreateStoreAsync(t.Id, "D01");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);

        var response = await admin.PostFormFromPageAsync("/lojas/nova", "/lojas/nova",
            new Dictionary<string, string> { ["Code"] = "d01", ["Name"] = "Filial Digitada" });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Já existe uma loja com este código.", Html.FieldMessage(page, "Code"));
        Assert.Equal("Filial Digitada", Html.InputValue(page, "Name"));
        Assert.Equal("d01", Html.InputValue(page, "Code"));
        Assert.Equal(1, await App.InTenantAsync(t.Id, db => db.Stores.CountAsync()));
    }

    [Fact]
    public async Task Same_Store_Code_Should_Be_Allowed_In_Another_Tenant()
    {
        var a = await App.CreateTenantAsync("adm-b");
        var b = await App.CreateTenantAsync("adm-c");
        await App.CreateStoreAsync(a.Id, "D01");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(b.Code, b.AdminEmail, TestData.Password);

        var response = await admin.PostFormFromPageAsync("/lojas/nova", "/lojas/nova",
            new Dictionary<string, string> { ["Code"] = "D01", ["Name"] = "Mesma sigla, outra rede" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
