using Loyalty.Domain.Customers;
using Loyalty.Domain.Staff;
using Loyalty.Testing;
using Loyalty.Web.Features.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>"Gerenciar clientes" at the counter: one search box, the filters, the relationship views and the pages.</summary>
public sealed class CustomerListTests(CustomerListTests.Data data) : IClassFixture<CustomerListTests.Data>
{
    public sealed class Data : IAsyncLifetime
    {
        public LoyaltyAppFactory App { get; private set; } = default!;
        public TestData.TestTenant Tenant { get; private set; } = default!;
        public Guid StoreA { get; private set; }
        public Guid StoreB { get; private set; }
        public Guid Gold { get; private set; }
        public NewCustomers.Registered Joao { get; private set; } = default!;
        public NewCustomers.Registered Maria { get; private set; } = default!;
        public NewCustomers.Registered Company { get; private set; } = default!;
        public NewCustomers.Registered Inactive { get; private set; } = default!;
        public StaffClient Cashier { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            App = await LoyaltyAppFactory.CreateAsync();
            Tenant = await App.CreateTenantAsync("lista");
            StoreA = await App.CreateStoreAsync(Tenant.Id, "LA1");
            StoreB = await App.CreateStoreAsync(Tenant.Id, "LB1");
            Gold = await App.CreateCategoryAsync(Tenant.Id, "Ouro");
            Joao = await App.AddCustomerAsync(Tenant.Id, "João da Silva Sauro", f =>
            {
                f.MobilePhone = "(11) 98765-4321";
                f.Email = "Joao.Sauro@Example.com";
            }, StoreA);
            await App.AddDependentAsync(Tenant.Id, "Joãozinho Sauro", Joao.Id);
            Maria = await App.AddCustomerAsync(Tenant.Id, "Maria Conceição Ávila", f => f.CategoryId = Gold, StoreB);
            Company = await App.AddCompanyAsync(Tenant.Id, "Posto Três Irmãos Ltda");
            Inactive = await App.AddCustomerAsync(Tenant.Id, "Ícaro Desligado");
            await using (var scope = App.TenantScope(Tenant.Id))
            {
                await scope.ServiceProvider.GetRequiredService<ChangeCustomerStatus.Handler>()
                    .HandleAsync(Inactive.Id, CustomerStatus.Inactive, CancellationToken.None);
            }
            var other = await App.CreateTenantAsync("lista-b");
            await App.AddCustomerAsync(other.Id, "João Outro Sauro");
            Cashier = await App.SignedInAsync(Tenant, StaffRole.Cashier, StoreA);
        }

        public async Task DisposeAsync()
        {
            Cashier.Dispose();
            await App.DisposeAsync();
        }
    }

    private Task<List<string>> SearchAsync(string query) => NamesAsync("/clientes?Q=" + Uri.EscapeDataString(query));

    private async Task<List<string>> NamesAsync(string url) => (await data.Cashier.GetPageAsync(url)).CustomerNames();

    [Theory]
    [InlineData("joao")]
    [InlineData("JOÃO")]
    [InlineData("joão sauro")]
    [InlineData("sau jo")]
    public async Task Name_Search_Ignores_Accents_Case_And_Word_Order(string typed) =>
        Assert.Contains("João da Silva Sauro", await SearchAsync(typed));

    [Fact]
    public async Task Name_Search_Matches_The_Start_Of_Any_Word()
    {
        Assert.Equal(["Maria Conceição Ávila"], await SearchAsync("conceicao"));
        Assert.Equal(["Maria Conceição Ávila"], await SearchAsync("avi"));
        Assert.Equal(["João da Silva Sauro", "Joãozinho Sauro"], await SearchAsync("sauro"));
    }

    [Fact]
    public async Task Another_Tenants_Customer_Is_Never_Found() =>
        Assert.DoesNotContain("João Outro Sauro", await SearchAsync("outro"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cpf_Is_Found_With_Or_Without_Punctuation(bool punctuated) =>
        Assert.Equal(["João da Silva Sauro"], await SearchAsync(punctuated ? Cpf.Parse(data.Joao.Document).Formatted : data.Joao.Document));

    [Fact]
    public async Task Alphanumeric_Cnpj_Is_Found_In_Lower_Case_With_Punctuation() =>
        Assert.Equal(["Posto Três Irmãos Ltda"], await SearchAsync(Cnpj.Parse(data.Company.Document).Formatted.ToLowerInvariant()));

    [Fact]
    public async Task Card_Number_Finds_Its_Holder() =>
        Assert.Equal(["João da Silva Sauro"], await SearchAsync(data.Joao.CardNumber));

    [Theory]
    [InlineData("(11) 98765-4321")]
    [InlineData("11987654321")]
    public async Task Phone_Is_Found_By_Its_Digits(string typed) => Assert.Equal(["João da Silva Sauro"], await SearchAsync(typed));

    [Fact]
    public async Task Email_Is_Found_Whatever_The_Case() =>
        Assert.Equal(["João da Silva Sauro"], await SearchAsync("JOAO.SAURO@example.COM"));

    [Fact]
    public async Task Incomplete_Number_Finds_Nothing_And_Says_Why()
    {
        var page = await data.Cashier.GetPageAsync("/clientes?Q=52998");

        Assert.Empty(page.CustomerNames());
        Assert.Contains("Número incompleto", page.QuerySelector("[data-testid=search-hint]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_By_Category_Registering_Store_And_Status()
    {
        Assert.Equal(["Maria Conceição Ávila"], await NamesAsync($"/clientes?CategoryId={data.Gold}"));
        Assert.Equal(["Maria Conceição Ávila"], await NamesAsync($"/clientes?StoreId={data.StoreB}"));
        Assert.Equal(["João da Silva Sauro"], await NamesAsync($"/clientes?StoreId={data.StoreA}"));
        Assert.Equal(["Ícaro Desligado"], await NamesAsync("/clientes?Status=Inactive"));
        Assert.DoesNotContain("Ícaro Desligado", await NamesAsync("/clientes?Status=Active"));
        Assert.Equal(["Maria Conceição Ávila"], await NamesAsync($"/clientes?Q=maria&CategoryId={data.Gold}"));
        Assert.Empty(await NamesAsync($"/clientes?Q=joao&CategoryId={data.Gold}"));
    }

    [Fact]
    public async Task Relationship_Views_Until_Purchases_Exist_Every_Active_Customer_Is_A_Lead()
    {
        var all = await NamesAsync("/clientes");
        var leads = await NamesAsync("/clientes?View=Leads");

        Assert.Equal(all.Where(n => n != "Ícaro Desligado"), leads);
        Assert.Empty(await NamesAsync("/clientes?View=Active"));
        Assert.Equal(["Ícaro Desligado"], await NamesAsync("/clientes?View=Inactive"));
    }

    [Fact]
    public async Task List_Is_In_Alphabetical_Order_Whatever_The_Accents()
    {
        // Under the C collation "Ícaro" would sort after "Posto"; the list orders by the unaccented, lower-case name.
        Assert.Equal(["Ícaro Desligado", "João da Silva Sauro", "Joãozinho Sauro", "Maria Conceição Ávila", "Posto Três Irmãos Ltda"],
            await NamesAsync("/clientes"));
    }

    [Fact]
    public async Task Cashier_Sees_Card_Numbers_Masked_And_The_Admin_Whole()
    {
        using var admin = await data.App.SignedInAsync(data.Tenant, StaffRole.TenantAdmin);
        static string CardOf(AngleSharp.Dom.IDocument page) =>
            page.QuerySelector("[data-testid=customer-row] td:nth-child(3)")!.TextContent.Trim();
        var url = "/clientes?Q=" + data.Joao.Document;

        Assert.Equal("••••••••••••" + data.Joao.CardNumber[^4..], CardOf(await data.Cashier.GetPageAsync(url)));
        Assert.Equal(data.Joao.CardNumber, CardOf(await admin.GetPageAsync(url)));
    }

    [Fact]
    public async Task Renamed_Customer_Is_Found_By_The_New_Name_Only()
    {
        var tenant = await data.App.CreateTenantAsync("lista-r");
        var renamed = await data.App.AddCustomerAsync(tenant.Id, "Genoveva Antiga");
        await using (var scope = data.App.TenantScope(tenant.Id))
        {
            var edit = scope.ServiceProvider.GetRequiredService<EditCustomer.Handler>();
            var command = (await edit.LoadAsync(renamed.Id, CancellationToken.None))!;
            command.Name = "Genoveva Renovada";
            Assert.True((await edit.HandleAsync(command, CancellationToken.None))!.Succeeded);
        }

        using var admin = await data.App.SignedInAsync(tenant, StaffRole.TenantAdmin);
        Assert.Equal(["Genoveva Renovada"], (await admin.GetPageAsync("/clientes?Q=renovada")).CustomerNames());
        Assert.Empty((await admin.GetPageAsync("/clientes?Q=antiga")).CustomerNames());
    }
}
