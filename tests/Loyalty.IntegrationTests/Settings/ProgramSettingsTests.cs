using System.Net;
using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.IntegrationTests.Settings;

public sealed class ProgramSettingsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task New_Tenant_Should_Require_No_Optional_Field_And_Have_No_Antifraud_Rule()
    {
        var tenant = await App.CreateTenantAsync("set-a");
        var settings = await App.InTenantAsync(tenant.Id, db => db.ProgramSettings.SingleAsync());
        Assert.Equal(MandatoryFields.None, settings.MandatoryFields);
        Assert.True(settings.DefaultRules.IsEmpty);
        Assert.Equal(16, settings.MinimumTitularAge);
    }

    [Fact]
    public async Task Admin_Should_Mark_Optional_Fields_As_Required_And_Change_The_Card_Rule()
    {
        var tenant = await App.CreateTenantAsync("set-b");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        var page = await client.Http.GetStringAsync("/configuracoes/cadastro");
        var response = await client.PostFormAsync("/configuracoes/cadastro", page, new List<KeyValuePair<string, string>>
        {
            new("Mandatory", "Email"), new("Mandatory", "BirthDate"), new("MinimumTitularAge", "18"),
            new("CardPrefix", "777"), new("CardLength", "12"),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = await App.InTenantAsync(tenant.Id, db => db.ProgramSettings.SingleAsync());
        Assert.Equal(MandatoryFields.Email | MandatoryFields.BirthDate, settings.MandatoryFields);
        Assert.Equal(18, settings.MinimumTitularAge);
        Assert.Equal("777", settings.CardRule.Prefix);
        Assert.Equal(12, settings.CardRule.Length);
    }

    [Fact]
    public async Task A_Bad_Card_Rule_Should_Be_Refused_Next_To_The_Field()
    {
        var tenant = await App.CreateTenantAsync("set-c");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        var page = await client.Http.GetStringAsync("/configuracoes/cadastro");
        var response = await client.PostFormAsync("/configuracoes/cadastro", page, new Dictionary<string, string>
        {
            ["MinimumTitularAge"] = "16", ["CardPrefix"] = "12a", ["CardLength"] = "30",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("O tamanho do número do cartão deve ficar entre 8 e 19 dígitos.", html);
        Assert.Contains("value=\"12a\"", html);
    }

    [Fact]
    public async Task Admin_Should_Set_The_Default_Antifraud_Rules_And_Zero_Is_Refused()
    {
        var tenant = await App.CreateTenantAsync("set-d");
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);
        var page = await client.Http.GetStringAsync("/configuracoes/antifraude");
        var refused = await client.PostFormAsync("/configuracoes/antifraude", page, new Dictionary<string, string>
        {
            ["Rules.MaxPurchasesPerCardPerDay"] = "0",
        });
        Assert.Contains("devem ser maiores que zero", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        page = await client.Http.GetStringAsync("/configuracoes/antifraude");
        var saved = await client.PostFormAsync("/configuracoes/antifraude", page, new Dictionary<string, string>
        {
            ["Rules.MaxPurchasesPerCardPerDay"] = "5", ["Rules.MinMinutesBetweenPurchases"] = "10",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rules = (await App.InTenantAsync(tenant.Id, db => db.ProgramSettings.SingleAsync())).DefaultRules;
        Assert.Equal(5, rules.MaxPurchasesPerCardPerDay);
        Assert.Equal(10, rules.MinMinutesBetweenPurchases);
        Assert.Null(rules.MaxPurchaseAmount);
    }

    [Fact]
    public async Task Earning_Rate_Starts_At_One_Point_Per_Real_And_The_Admin_Changes_It()
    {
        var tenant = await App.CreateTenantAsync("set-e");
        Assert.Equal(1m, (await App.InTenantAsync(tenant.Id, db => db.ProgramSettings.SingleAsync())).PointsPerReal);
        using var client = App.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, tenant.AdminEmail, TestData.Password);

        var page = await client.Http.GetStringAsync("/configuracoes/pontuacao");
        var refused = await client.PostFormAsync("/configuracoes/pontuacao", page, new Dictionary<string, string> { ["PointsPerReal"] = "0" });
        Assert.Contains("pontos por R$ 1,00 maior que zero", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        page = await client.Http.GetStringAsync("/configuracoes/pontuacao");
        var saved = await client.PostFormAsync("/configuracoes/pontuacao", page, new Dictionary<string, string> { ["PointsPerReal"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2m, (await App.InTenantAsync(tenant.Id, db => db.ProgramSettings.SingleAsync())).PointsPerReal);
    }
}
