using Loyalty.Domain.Customers;
using Loyalty.Domain.Staff;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>"Perfil do cliente": general data, points and consumption, the statement, the family and the cards.</summary>
public sealed class CustomerProfileTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Profile_Shows_The_General_Data_Formatted()
    {
        var tenant = await App.CreateTenantAsync("perfil-a");
        var store = await App.CreateStoreAsync(tenant.Id, "PF1");
        var customer = await App.AddCustomerAsync(tenant.Id, "Helena Prado", f =>
        {
            f.BirthDate = new DateOnly(1980, 5, 17);
            f.MobilePhone = "11987654321";
            f.Email = "helena@exemplo.com.br";
            f.City = "Campinas";
            f.Uf = "SP";
            f.RedeemScope = RedeemScope.AllCards;
        }, store);
        using var cashier = await App.SignedInAsync(tenant, StaffRole.Cashier, store);

        var page = await cashier.GetPageAsync($"/clientes/{customer.Id}");
        var general = page.QuerySelector("[data-testid=general-data]")!.TextContent;

        Assert.Equal(Cpf.Parse(customer.Document).Formatted, page.QuerySelector("[data-testid=customer-document]")!.FirstChild!.TextContent.Trim());
        Assert.Contains("17/05/1980", general, StringComparison.Ordinal);
        Assert.Contains("(11) 98765-4321", general, StringComparison.Ordinal);
        Assert.Contains("helena@exemplo.com.br", general, StringComparison.Ordinal);
        Assert.Contains("Campinas / SP", general, StringComparison.Ordinal);
        Assert.Contains("PF1 — Loja PF1", general, StringComparison.Ordinal);
        Assert.Equal("Padrão", page.QuerySelector("[data-testid=customer-category]")!.TextContent.Trim());
        Assert.Contains("Todos os cartões associados", page.QuerySelector("[data-testid=redeem-scope]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Points_Consumption_And_Statement_Read_Empty_Without_Operations()
    {
        var tenant = await App.CreateTenantAsync("perfil-b");
        var customer = await App.AddCustomerAsync(tenant.Id, "Otávio Lemos");
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);

        var page = await admin.GetPageAsync($"/clientes/{customer.Id}?Period.From=2026-01-01&Period.To=2026-01-31");

        Assert.Equal("0", page.QuerySelector("[data-testid=points-balance]")!.TextContent.Trim());
        Assert.Equal("0", page.QuerySelector("[data-testid=points-expiring]")!.TextContent.Trim());
        Assert.Contains("R$ 0,00", page.QuerySelector("[data-testid=consumption]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nenhuma operação de pontos de 01/01/2026 a 31/01/2026.", page.QuerySelector("[data-testid=statement-empty]")!.TextContent.Trim());
        Assert.Equal("2026-01-01", page.ValueOf("Period.From"));
    }

    [Fact]
    public async Task Statement_Period_Ending_Before_It_Starts_Is_Refused_Next_To_The_Field()
    {
        var tenant = await App.CreateTenantAsync("perfil-c");
        var customer = await App.AddCustomerAsync(tenant.Id, "Rui Barros");
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);

        var page = await admin.GetPageAsync($"/clientes/{customer.Id}?Period.From=2026-02-01&Period.To=2026-01-01");

        Assert.Equal("A data inicial deve ser anterior ou igual à final.", page.FieldError("Period_From"));
        Assert.Equal("2026-02-01", page.ValueOf("Period.From"));
    }

    [Fact]
    public async Task Titular_Lists_Dependents_And_A_Dependent_Links_Its_Titular()
    {
        var tenant = await App.CreateTenantAsync("perfil-d");
        var titular = await App.AddCustomerAsync(tenant.Id, "Sílvia Moraes");
        var dependent = await App.AddDependentAsync(tenant.Id, "Caio Moraes", titular.Id);
        using var cashier = await App.SignedInAsync(tenant, StaffRole.Cashier, await App.CreateStoreAsync(tenant.Id, "PD1"));

        var titularPage = await cashier.GetPageAsync($"/clientes/{titular.Id}");
        var dependentPage = await cashier.GetPageAsync($"/clientes/{dependent.Id}");

        Assert.Equal($"/clientes/{dependent.Id}", titularPage.QuerySelector("[data-testid=dependents] a")!.GetAttribute("href"));
        Assert.Equal($"/clientes/{titular.Id}", dependentPage.QuerySelector("[data-testid=titular] a")!.GetAttribute("href"));
        // The titular kept "titular only": the dependent's card earns for the titular but does not redeem.
        Assert.Contains("este cartão não resgata", dependentPage.QuerySelector("[data-testid=redeem-scope]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_Show_Status_Code_And_Issue_Date_Masked_For_The_Counter()
    {
        var tenant = await App.CreateTenantAsync("perfil-e");
        var store = await App.CreateStoreAsync(tenant.Id, "PE1");
        var customer = await App.AddCustomerAsync(tenant.Id, "Tânia Reis");
        using var cashier = await App.SignedInAsync(tenant, StaffRole.Cashier, store);
        using var admin = await App.SignedInAsync(tenant, StaffRole.TenantAdmin);

        var counterRow = (await cashier.GetPageAsync($"/clientes/{customer.Id}")).QuerySelector("[data-testid=cards] tbody tr")!;
        var adminRow = (await admin.GetPageAsync($"/clientes/{customer.Id}")).QuerySelector("[data-testid=cards] tbody tr")!;

        Assert.Equal("••••••••••••" + customer.CardNumber[^4..], counterRow.Children[0].TextContent.Trim());
        Assert.Equal(customer.CardNumber, adminRow.Children[0].TextContent.Trim());
        Assert.StartsWith("01", counterRow.Children[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$", counterRow.Children[2].TextContent.Trim());
    }
}
