using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using static Loyalty.IntegrationTests.Customers.WizardTestData;

namespace Loyalty.IntegrationTests.Customers;

public sealed class RegistrationCardAndStoreTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Theory]
    [InlineData("1234", 16)] // another tenant's prefix, Luhn right
    [InlineData("6062", 15)] // one digit short
    public async Task A_Typed_Card_Number_Outside_The_Tenant_Rule_Is_Refused(string prefix, int length)
    {
        var (_, _, _, client) = await App.CashierAsync($"cr{prefix}{length}");
        var wizard = await AtCardStepAsync(client, 10);

        await wizard.NextAsync(new Dictionary<string, string> { ["CardNumber"] = TestDocuments.CardNumber(prefix, 77, length) });

        Assert.Equal(3, wizard.Step);
        Assert.Equal("Número de cartão inválido: são 16 números começando por 6062, com dígito verificador.", wizard.ErrorOf("CardNumber"));
    }

    [Fact]
    public async Task A_Typed_Card_Number_With_A_Wrong_Check_Digit_Is_Refused()
    {
        var (_, _, _, client) = await App.CashierAsync("card-luhn");
        var good = TestDocuments.CardNumber("6062", 77);
        var bad = good[..^1] + (char)('0' + ((good[^1] - '0' + 1) % 10));
        var wizard = await AtCardStepAsync(client, 11);

        await wizard.NextAsync(new Dictionary<string, string> { ["CardNumber"] = bad });

        Assert.Equal(3, wizard.Step);
        Assert.StartsWith("Número de cartão inválido", wizard.ErrorOf("CardNumber"));
    }

    [Fact]
    public async Task A_Pre_Printed_Card_Is_Kept_And_An_Empty_Number_Is_Generated_By_The_Rule()
    {
        var (tenant, _, _, client) = await App.CashierAsync("card-ok");
        var printed = TestDocuments.CardNumber("6062", 123456);

        var typed = await AtCardStepAsync(client, 12);
        await typed.NextAsync(new Dictionary<string, string> { ["CardNumber"] = printed[..4] + " " + printed[4..] });
        var withPrinted = IdFromLocation(await typed.PressAsync("confirm"));
        var generated = await AtCardStepAsync(client, 13);
        await generated.NextAsync(new Dictionary<string, string> { ["CardNumber"] = "" });
        var withGenerated = IdFromLocation(await generated.PressAsync("confirm"));

        var cards = await App.InTenantAsync(tenant.Id, db => db.Cards.AsNoTracking().ToListAsync());
        var kept = Assert.Single(cards, c => c.CustomerId == withPrinted);
        Assert.Equal(printed, kept.Number);
        Assert.False(kept.WasGenerated);
        var made = Assert.Single(cards, c => c.CustomerId == withGenerated);
        Assert.True(made.WasGenerated);
        Assert.StartsWith("6062", made.Number);
        Assert.Equal(16, made.Number.Length);
        Assert.True(TestDocuments.IsLuhnValid(made.Number));
    }

    [Fact]
    public async Task A_Card_Number_Of_Another_Customer_Is_Refused()
    {
        var (tenant, _, _, client) = await App.CashierAsync("card-taken");
        var other = await App.RegisterTitularAsync(tenant.Id, "Dono do Cartão", 14);
        var wizard = await AtCardStepAsync(client, 15);

        await wizard.NextAsync(new Dictionary<string, string> { ["CardNumber"] = other.CardNumber });

        Assert.Equal("Este cartão já pertence a outro cliente.", wizard.ErrorOf("CardNumber"));
    }

    [Fact]
    public async Task A_Cashier_Registers_In_Their_Own_Store_Only()
    {
        var (tenant, _, _, client) = await App.CashierAsync("store-cash");
        var elsewhere = await App.CreateStoreAsync(tenant.Id, "L02");
        var wizard = await AtCardStepAsync(client, 16);
        Assert.Null(wizard.Visible("StoreId")); // nothing to choose: the store is shown as text

        await wizard.NextAsync(new Dictionary<string, string> { ["StoreId"] = elsewhere.ToString() });

        Assert.Equal(3, wizard.Step);
        Assert.Equal("Escolha uma das lojas ativas em que você trabalha.", wizard.ErrorOf("StoreId"));
    }

    [Fact]
    public async Task A_StoreManager_Chooses_Among_Their_Stores()
    {
        var tenant = await App.CreateTenantAsync("store-mgr");
        var first = await App.CreateStoreAsync(tenant.Id, "M01");
        var second = await App.CreateStoreAsync(tenant.Id, "M02");
        var notTheirs = await App.CreateStoreAsync(tenant.Id, "M03");
        var manager = await App.CreateUserAsync(tenant.Id, StaffRole.StoreManager, first, second);
        using var client = await App.SignInAsync(tenant.Code, manager);

        var wizard = await AtCardStepAsync(client, 17);
        Assert.Equal(first.ToString(), wizard.Field("StoreId"));
        var options = wizard.Visible("StoreId")!.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([first.ToString(), second.ToString()], options);
        await wizard.NextAsync(new Dictionary<string, string> { ["StoreId"] = notTheirs.ToString() });
        Assert.Equal("Escolha uma das lojas ativas em que você trabalha.", wizard.ErrorOf("StoreId"));
        await wizard.NextAsync(new Dictionary<string, string> { ["StoreId"] = second.ToString() });
        var id = IdFromLocation(await wizard.PressAsync("confirm"));

        Assert.Equal(second, await App.InTenantAsync(tenant.Id, db => db.Customers.Where(c => c.Id == id).Select(c => c.RegisteringStoreId).SingleAsync()));
    }

    [Fact]
    public async Task A_TenantAdmin_May_Register_Without_A_Store()
    {
        var tenant = await App.CreateTenantAsync("store-adm");
        await App.CreateStoreAsync(tenant.Id, "A01");
        using var client = await App.SignInAsync(tenant.Code, tenant.AdminEmail);

        var wizard = await AtCardStepAsync(client, 18);
        Assert.Equal("", wizard.Field("StoreId"));
        await wizard.NextAsync();
        var done = await wizard.PressAsync("confirm");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var id = IdFromLocation(done);
        Assert.Null(await App.InTenantAsync(tenant.Id, db => db.Customers.Where(c => c.Id == id).Select(c => c.RegisteringStoreId).SingleAsync()));
    }

    [Fact]
    public async Task Roles_Outside_The_Counter_Cannot_Open_The_Wizard()
    {
        var tenant = await App.CreateTenantAsync("store-deny");
        var analyst = await App.CreateUserAsync(tenant.Id, StaffRole.CreditAnalyst);
        using var client = await App.SignInAsync(tenant.Code, analyst);

        var response = await client.Http.GetAsync("/clientes/novo");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/acesso-negado", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }

    private static async Task<WizardSession> AtCardStepAsync(StaffClient client, int cpfSeed)
    {
        var wizard = await WizardSession.StartAsync(client);
        await wizard.NextAsync(Personal(TestDocuments.FormattedCpf(cpfSeed), $"Cliente {cpfSeed}"));
        await wizard.NextAsync();
        Assert.Equal(3, wizard.Step);
        return wizard;
    }
}
