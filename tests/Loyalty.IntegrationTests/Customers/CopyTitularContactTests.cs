using System.Text.Json;
using Loyalty.Testing;
using Loyalty.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using static Loyalty.IntegrationTests.Customers.WizardTestData;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>"Copiar endereço e telefone do titular" (issue 10): a dependent takes the titular's address and phone in
/// one click — in the wizard from the card step, where the titular is chosen, and on the dependent's edit screen.</summary>
public sealed class CopyTitularContactTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    private static CustomerForm TitularOnFariaLima(int cpfSeed, string name) => new()
    {
        Document = TestDocuments.Cpf(cpfSeed), Name = name, Cep = "04538-132", Street = "Avenida Brigadeiro Faria Lima",
        Number = "3477", Neighborhood = "Itaim Bibi", City = "São Paulo", Uf = "SP", MobilePhone = "(11) 91234-5678",
    };

    [Fact]
    public async Task The_Card_Step_Brings_The_Chosen_Titulars_Address_And_Phone_To_The_Contact_Step_Keeping_Everything_Else()
    {
        var (tenant, _, _, client) = await App.CashierAsync($"cpy{Guid.NewGuid():N}"[..10]);
        using var _ = client;
        var titular = await App.RegisterCustomerAsync(tenant.Id, TitularOnFariaLima(300, "Helena Faria"));
        var wizard = await WizardSession.StartAsync(client);
        var personal = Personal(TestDocuments.FormattedCpf(301), "Davi Faria", "2015-08-10");
        personal["IsDependent"] = "true";
        await wizard.NextAsync(personal);
        Assert.NotNull(wizard.Page.QuerySelector("[data-testid=copy-titular-contact-hint]")); // the titular is not known yet
        await wizard.NextAsync(new Dictionary<string, string> { ["Complement"] = "casa 2", ["Email"] = "davi@example.com" });
        await wizard.PressAsync("search", new Dictionary<string, string> { ["TitularQuery"] = "helena" });

        await wizard.PressAsync("copy-titular-contact");

        Assert.Equal(2, wizard.Step);
        Assert.NotNull(wizard.Page.QuerySelector("[data-testid=titular-contact-copied]"));
        Assert.Equal("04538-132", wizard.Visible("Cep")!.GetAttribute("value"));
        Assert.Equal("Avenida Brigadeiro Faria Lima", wizard.Visible("Street")!.GetAttribute("value"));
        Assert.Equal("", wizard.Field("Complement")); // the address comes whole: no complement of another address
        Assert.Equal("SP", wizard.Field("Uf"));
        Assert.Equal("(11) 91234-5678", wizard.Visible("MobilePhone")!.GetAttribute("value"));
        Assert.Equal("davi@example.com", wizard.Field("Email"));
        Assert.Equal("Davi Faria", wizard.Field("Name"));
        Assert.Equal(titular.CustomerId.ToString(), wizard.Field("TitularId"));

        // The copy is the cashier's to change before it is saved.
        await wizard.NextAsync(new Dictionary<string, string> { ["Number"] = "3500" });
        await wizard.NextAsync();
        var id = IdFromLocation(await wizard.PressAsync("confirm"));
        var dependent = await App.InTenantAsync(tenant.Id, db => db.Customers.SingleAsync(c => c.Id == id));
        Assert.Equal(("04538132", "Avenida Brigadeiro Faria Lima", "3500", "11912345678"),
            (dependent.Address.Cep, dependent.Address.Street, dependent.Address.Number, dependent.MobilePhone));
        Assert.Equal(titular.CustomerId, dependent.TitularId);
    }

    [Fact]
    public async Task A_Titular_Of_Another_Tenant_Lends_Nothing()
    {
        var other = await App.CreateTenantAsync($"cpo{Guid.NewGuid():N}"[..10]);
        var stranger = await App.RegisterCustomerAsync(other.Id, TitularOnFariaLima(310, "Estranha Faria"));
        var (_, _, _, client) = await App.CashierAsync($"cpx{Guid.NewGuid():N}"[..10]);
        using var _ = client;
        var wizard = await WizardSession.StartAsync(client);
        var personal = Personal(TestDocuments.FormattedCpf(311), "Davi Faria", "2015-08-10");
        personal["IsDependent"] = "true";
        await wizard.NextAsync(personal);
        await wizard.NextAsync();

        await wizard.PressAsync("copy-titular-contact", new Dictionary<string, string> { ["TitularId"] = stranger.CustomerId.ToString() });

        Assert.Equal(3, wizard.Step);
        Assert.Equal("Escolha o titular deste dependente.", wizard.ErrorOf("TitularId"));
        Assert.DoesNotContain("Faria Lima", wizard.Html);
    }

    [Fact]
    public async Task A_Titular_Without_Address_Or_Phone_Keeps_The_Card_Step_And_Says_So()
    {
        var (tenant, _, _, client) = await App.CashierAsync($"cpn{Guid.NewGuid():N}"[..10]);
        using var _ = client;
        await App.RegisterCustomerAsync(tenant.Id, new CustomerForm { Document = TestDocuments.Cpf(320), Name = "Olga Semendereco" });
        var wizard = await WizardSession.StartAsync(client);
        var personal = Personal(TestDocuments.FormattedCpf(321), "Ivo Semendereco", "2015-08-10");
        personal["IsDependent"] = "true";
        await wizard.NextAsync(personal);
        await wizard.NextAsync(new Dictionary<string, string> { ["Complement"] = "fundos" });
        await wizard.PressAsync("search", new Dictionary<string, string> { ["TitularQuery"] = "olga" });

        await wizard.PressAsync("copy-titular-contact");

        Assert.Equal(3, wizard.Step);
        Assert.Equal("Este titular não tem endereço nem telefone cadastrados para copiar.", wizard.ErrorOf("TitularId"));
        Assert.Null(wizard.Page.QuerySelector("[data-testid=titular-contact-copied]"));
        Assert.Equal("fundos", wizard.Field("Complement"));
    }

    [Fact]
    public async Task The_Edit_Screen_Of_A_Dependent_Carries_Its_Titulars_Address_And_Phone_On_The_Button()
    {
        var tenant = await App.CreateTenantAsync($"cpe{Guid.NewGuid():N}"[..10]);
        var store = await App.CreateStoreAsync(tenant.Id, "CP1");
        var titular = await App.RegisterCustomerAsync(tenant.Id, TitularOnFariaLima(320, "Helena Faria"));
        var dependent = await App.RegisterDependentAsync(tenant.Id, titular.CustomerId, "Davi Faria", 321);
        using var client = await App.SignedInAsync(tenant, Loyalty.Domain.Staff.StaffRole.Cashier, store);

        var page = await client.GetPageAsync($"/clientes/{dependent.CustomerId}/editar");
        var button = page.QuerySelector("[data-testid=copy-titular-contact]")!;
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(button.GetAttribute("data-copy-titular-contact")!)!;

        Assert.Equal("04538-132", values["Cep"]);
        Assert.Equal("Itaim Bibi", values["Neighborhood"]);
        Assert.Equal("(11) 91234-5678", values["MobilePhone"]);
        Assert.False(values.ContainsKey("Email"));
        var titularPage = await client.GetPageAsync($"/clientes/{titular.CustomerId}/editar");
        Assert.Null(titularPage.QuerySelector("[data-testid=copy-titular-contact]"));
    }
}
