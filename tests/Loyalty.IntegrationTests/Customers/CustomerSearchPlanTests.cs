using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Loyalty.Web.Features.Blocks;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>
/// Every search of the customer list must be answered by an index, never by reading the table: the SQL EF generates for
/// each kind of search is explained as the app role, under row-level security, over ~30,000 customers with Brazilian
/// name frequencies. The searched customers are specific people (as at the counter); how common names behave at a
/// million customers is measured by bench/Loyalty.Bench.CustomerSearch.
/// </summary>
public sealed class CustomerSearchPlanTests(CustomerSearchPlanTests.Data data) : IClassFixture<CustomerSearchPlanTests.Data>
{
    private static readonly string[] SearchedTables = ["customers", "cards", "customer_name_words"];

    public sealed class Data : IAsyncLifetime
    {
        public const int Count = 30_000;

        public LoyaltyAppFactory App { get; private set; } = default!;
        public TestData.TestTenant Tenant { get; private set; } = default!;
        public NewCustomers.Registered Probe { get; private set; } = default!;
        public NewCustomers.Registered Company { get; private set; } = default!;
        public Guid Category { get; private set; }
        public Guid Store { get; private set; }

        public async Task InitializeAsync()
        {
            App = await LoyaltyAppFactory.CreateAsync();
            Tenant = await App.CreateTenantAsync("plan");
            Store = await App.CreateStoreAsync(Tenant.Id, "P01");
            var other = await App.CreateStoreAsync(Tenant.Id, "P02");
            Category = await App.InTenantAsync(Tenant.Id, db => db.CustomerCategories.Select(c => c.Id).SingleAsync());
            await BulkCustomers.InsertAsync(App.Database, Tenant.Id, Count, [Category], [Store, other]);
            Probe = await App.AddCustomerAsync(Tenant.Id, "Quintiliano Zebedeu Farias", f =>
            {
                f.MobilePhone = "(21) 99876-5432";
                f.Email = "quintiliano@exemplo.com.br";
            });
            Company = await App.AddCompanyAsync(Tenant.Id, "Posto Xavantina Ltda");
            await App.Database.Server.ExecuteAsync(App.Database.Name, "ANALYZE");
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string> Searches() =>
    [
        "cpf", "cnpj", "card", "card-last-digits", "phone", "email", "name", "two-names", "name-prefix",
        "browse", "browse-page-5", "category", "store", "status-inactive", "view-leads", "view-active", "view-inactive",
    ];

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Search_Is_Answered_By_An_Index(string kind)
    {
        await using var scope = data.App.TenantScope(data.Tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var list = scope.ServiceProvider.GetRequiredService<CustomerList.Handler>();
        var query = QueryFor(kind);

        var plan = await QueryPlans.ExplainAsync(db, list.Candidates(query, CustomerSearchTerm.Parse(query.Q)), analyze: true);

        Assert.True(ExecutedSeqScans(plan).Count == 0, plan);
        if (ExpectedIndex(kind) is { } index)
        {
            Assert.True(plan.Contains(index, StringComparison.Ordinal), plan);
        }
    }

    /// <summary>
    /// Sequential scans of the searched tables that ran. A plan may hold one that never runs — the "has bought" view is
    /// WHERE FALSE until purchases exist, and PostgreSQL still writes a scan under its false one-time filter.
    /// </summary>
    private static List<string> ExecutedSeqScans(string plan) =>
        [.. plan.Split('\n').Where(line => SearchedTables.Any(table => line.Contains($"Seq Scan on {table} ", StringComparison.Ordinal))
            && !line.Contains("never executed", StringComparison.Ordinal))];

    [Fact]
    public async Task Name_Search_Finds_The_Person_Among_Thousands()
    {
        await using var scope = data.App.TenantScope(data.Tenant.Id);
        var list = scope.ServiceProvider.GetRequiredService<CustomerList.Handler>();

        var result = await list.HandleAsync(new CustomerList.Query { Q = "zebedeu quint" }, CancellationToken.None);

        Assert.Equal(data.Probe.Id, Assert.Single(result.Rows).Id);
    }

    [Fact]
    public async Task Last_Four_Digits_Of_A_Card_Find_Every_Holder_Among_Thousands()
    {
        await using var scope = data.App.TenantScope(data.Tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var list = scope.ServiceProvider.GetRequiredService<CustomerList.Handler>();
        var last = data.Probe.CardNumber[^4..];
        var holders = await db.Cards.Where(k => k.Number.EndsWith(last)).Select(k => k.CustomerId).Distinct().ToListAsync();

        var result = await list.HandleAsync(new CustomerList.Query { Q = "•••• " + last }, CancellationToken.None);

        Assert.Contains(data.Probe.Id, result.Rows.Select(r => r.Id));
        Assert.Equal(holders.Order(), result.Rows.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Common_First_Name_Reads_A_Bounded_Set_And_Says_So()
    {
        await using var scope = data.App.TenantScope(data.Tenant.Id);
        var list = scope.ServiceProvider.GetRequiredService<CustomerList.Handler>();

        var result = await list.HandleAsync(new CustomerList.Query { Q = "maria" }, CancellationToken.None);

        Assert.True(result.TooManyMatches);
        Assert.Equal(CustomerList.PageSize, result.Rows.Count);
        Assert.True(result.HasNext);
        Assert.All(result.Rows, r => Assert.Contains("Maria", r.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Block_Lookup_Of_Redemption_Is_Answered_By_An_Index()
    {
        await using var scope = data.App.TenantScope(data.Tenant.Id);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var id = data.Probe.Id;
        var query = db.RedemptionBlocks.Where(b => b.RemovedAt == null && (b.CustomerId == id
            || b.CustomerId == db.Customers.Where(c => c.Id == id).Select(c => c.TitularId).FirstOrDefault()));

        var plan = await QueryPlans.ExplainAsync(db, query, analyze: true);

        Assert.True(ExecutedSeqScans(plan).Count == 0, plan);
        Assert.True(await scope.ServiceProvider.GetRequiredService<RedemptionBlocks>().IsBlockedAsync(id, CancellationToken.None) is false);
    }

    private CustomerList.Query QueryFor(string kind) => kind switch
    {
        "cpf" => new() { Q = Cpf.Parse(data.Probe.Document).Formatted },
        "cnpj" => new() { Q = Cnpj.Parse(data.Company.Document).Formatted.ToLowerInvariant() },
        "card" => new() { Q = data.Probe.CardNumber },
        "card-last-digits" => new() { Q = "•••• " + data.Probe.CardNumber[^4..] },
        "phone" => new() { Q = "(21) 99876-5432" },
        "email" => new() { Q = "Quintiliano@Exemplo.com.br" },
        "name" => new() { Q = "zebedeu" },
        "two-names" => new() { Q = "quintiliano farias" },
        "name-prefix" => new() { Q = "xavan" },
        "browse" => new(),
        "browse-page-5" => new() { Page = 5 },
        "category" => new() { CategoryId = data.Category },
        "store" => new() { StoreId = data.Store },
        "status-inactive" => new() { Status = CustomerStatus.Inactive },
        "view-leads" => new() { View = RelationshipView.Leads },
        "view-active" => new() { View = RelationshipView.Active },
        "view-inactive" => new() { View = RelationshipView.Inactive },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string? ExpectedIndex(string kind) => kind switch
    {
        "cpf" or "cnpj" => "ix_customers_tenant_id_document",
        "card" => "ix_cards_tenant_id_number",
        "card-last-digits" => "ix_cards_tenant_id_last_digits",
        "phone" => "ix_customers_tenant_id_mobile_phone",
        "email" => "ix_customers_tenant_id_email",
        "name" or "two-names" or "name-prefix" => "pk_customer_name_words",
        "status-inactive" or "view-inactive" => "ix_customers_inactive_by_name",
        _ => null,
    };
}
