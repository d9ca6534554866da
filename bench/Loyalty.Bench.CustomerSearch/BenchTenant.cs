using System.Diagnostics;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Features.Tenants;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Loyalty.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
namespace Loyalty.Bench.CustomerSearch;

/// <summary>
/// A throwaway database with the real migrations and roles, the app's services on it (connecting as the app role, so
/// row-level security applies), and one tenant loaded with many customers plus a few known ones to search for.
/// </summary>
internal sealed class BenchTenant : IAsyncDisposable
{
    private BenchTenant(WebApplication app, TestDatabase database, Guid tenantId)
    {
        App = app;
        Database = database;
        TenantId = tenantId;
    }

    public WebApplication App { get; }
    public TestDatabase Database { get; }
    public Guid TenantId { get; }
    public List<Guid> Categories { get; } = [];
    public List<Guid> Stores { get; } = [];
    public Dictionary<string, string> Probes { get; } = [];

    public AsyncServiceScope Scope() => App.Services.GetRequiredService<TenantScopes>().For(TenantId);

    public static async Task<BenchTenant> CreateAsync(int customers)
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Loyalty"] = database.AppConnectionString,
            ["Jobs:RunServer"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:Directory"] = Path.Combine(Path.GetTempPath(), "loyalty-bench-logs"),
        });
        builder.AddLoyalty(commandLine: true);
        var app = builder.Build();
        Guid tenantId;
        await using (var platform = app.Services.GetRequiredService<TenantScopes>().Platform())
        {
            var created = await platform.ServiceProvider.GetRequiredService<CreateTenant.Handler>().HandleAsync(new CreateTenant.Command
            {
                Code = "bench", Name = "Rede Bench", AdminName = "Admin", AdminEmail = "admin@bench.test", AdminPassword = "Bench@12345x",
            }, CancellationToken.None);
            tenantId = created.Value;
        }
        var tenant = new BenchTenant(app, database, tenantId);
        await tenant.SetUpAsync(customers);
        return tenant;
    }

    private async Task SetUpAsync(int customers)
    {
        await using (var scope = Scope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<LoyaltyDbContext>();
            Categories.Add(await db.CustomerCategories.Select(c => c.Id).SingleAsync());
            foreach (var name in new[] { "Ouro", "Prata", "Frotistas" })
            {
                var category = CustomerCategory.Create(name, null, 2m, 365, AuditParameter.UseTenantRules, null, DateTimeOffset.UtcNow);
                db.CustomerCategories.Add(category);
                Categories.Add(category.Id);
            }
            await db.SaveChangesAsync();
            foreach (var code in new[] { "LJ01", "LJ02", "LJ03" })
            {
                Stores.Add((await services.GetRequiredService<CreateStore.Handler>()
                    .HandleAsync(new CreateStore.Command { Code = code, Name = "Loja " + code }, CancellationToken.None)).Value);
            }
        }
        const int Chunk = 100_000;
        var clock = Stopwatch.StartNew();
        for (var first = 1; first <= customers; first += Chunk)
        {
            // Most customers in the first three categories; the fourth, "Frotistas", is a small one.
            await BulkCustomers.InsertAsync(Database, TenantId, Math.Min(Chunk, customers - first + 1), [.. Categories.Take(3)], Stores, first);
            Console.Error.Write($"\rloaded {Math.Min(first + Chunk - 1, customers):N0} customers in {clock.Elapsed.TotalSeconds:N0} s");
        }
        Console.Error.WriteLine();
        await RegisterProbesAsync();
        await Database.Server.ExecuteAsync(Database.Name, "VACUUM ANALYZE");
    }

    /// <summary>The people searched for: what a cashier types about one person.</summary>
    private async Task RegisterProbesAsync()
    {
        var seed = 900_000;
        async Task<RegisterCustomer.Registered> RegisterAsync(string name, Action<CustomerForm> with)
        {
            seed++;
            var form = new CustomerForm
            {
                Document = TestDocuments.Cpf(seed), Name = name, CardNumber = TestDocuments.CardNumber("6062", seed), CategoryId = Categories[3],
            };
            with(form);
            await using var scope = Scope();
            var outcome = await scope.ServiceProvider.GetRequiredService<RegisterCustomer.Handler>().HandleAsync(form,
                new Registration(RegistrationOrigin.BackOffice, DateTimeOffset.UtcNow, Stores[0], null), CancellationToken.None);
            Probes[name] = form.Document!;
            return outcome.Value ?? throw new InvalidOperationException(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        }
        var person = await RegisterAsync("Quintiliano Zebedeu Farias", f =>
        {
            f.MobilePhone = "21998765432";
            f.Email = "quintiliano@exemplo.com.br";
        });
        Probes["card"] = person.CardNumber;
        await RegisterAsync("Posto Xavantina Ltda", f =>
        {
            f.PersonType = PersonType.PJ;
            f.Document = TestDocuments.Cnpj("A1B2C3D40001");
        });
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
