using System.Diagnostics;
using System.Globalization;
using Loyalty.Domain.Cards.Embossing;
using Loyalty.Testing;
using Loyalty.Web.Features.Embossing;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Features.Tenants;
using Loyalty.Web.Infrastructure;
using Loyalty.Web.Infrastructure.Documents.Embossing;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Generates one embossing batch of N approved (07) cards through the job's own generator (one transaction, the file
// written in pieces, 07 → 09 set-based), as the app role under RLS, and reports its time and the process's memory.
// Usage: dotnet run -c Release --project bench/Loyalty.Bench.Embossing [cards=100000]
var cards = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;

var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Loyalty"] = database.AppConnectionString,
    ["Jobs:RunServer"] = "false",
    ["Serilog:MinimumLevel:Default"] = "Warning",
    ["Serilog:MinimumLevel:Override:Loyalty.Web.Features.Embossing"] = "Information",
    ["Logging:Directory"] = Path.Combine(Path.GetTempPath(), "loyalty-bench-logs"),
});
builder.AddLoyalty(commandLine: true);
await using var app = builder.Build();
var scopes = app.Services.GetRequiredService<TenantScopes>();

Guid tenantId;
await using (var platform = scopes.Platform())
{
    tenantId = (await platform.ServiceProvider.GetRequiredService<CreateTenant.Handler>().HandleAsync(new CreateTenant.Command
    {
        Code = "bench", Name = "Rede Bench", AdminName = "Admin", AdminEmail = "admin@bench.test", AdminPassword = "Bench@12345x",
    }, CancellationToken.None)).Value;
}
var stores = new List<Guid>();
Guid category;
await using (var scope = scopes.For(tenantId))
{
    category = await scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>().CustomerCategories.Select(c => c.Id).SingleAsync();
    foreach (var code in new[] { "LJ01", "LJ02", "LJ03" })
    {
        stores.Add((await scope.ServiceProvider.GetRequiredService<CreateStore.Handler>()
            .HandleAsync(new CreateStore.Command { Code = code, Name = "Loja " + code }, CancellationToken.None)).Value);
    }
}
var load = Stopwatch.StartNew();
const int Chunk = 20_000; // one statement per chunk stays within the command timeout on a busy machine
for (var first = 1; first <= cards; first += Chunk)
{
    await BulkCustomers.InsertAsync(database, tenantId, Math.Min(Chunk, cards - first + 1), [category], stores, first);
}
await database.Server.ExecuteAsync(database.Name, $"""
    UPDATE cards SET status = 'CreditApproved', expires_on = date '2031-12-31' WHERE tenant_id = '{tenantId}'
    """);
await database.Server.ExecuteAsync(database.Name, "VACUUM ANALYZE");
Console.Error.WriteLine($"loaded {cards:N0} approved cards in {load.Elapsed.TotalSeconds:N0} s");

var key = Guid.NewGuid();
await using (var scope = scopes.For(tenantId))
{
    var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
    db.Add(EmbossingRequest.Queue(key, new EmbossingFilter(), DateTimeOffset.UtcNow, null, "Bench"));
    await db.SaveChangesAsync();
}

GC.Collect();
using var process = Process.GetCurrentProcess();
process.Refresh();
var before = process.WorkingSet64;
var peak = before;
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        process.Refresh();
        peak = Math.Max(peak, process.WorkingSet64);
        await Task.Delay(20);
    }
});
var clock = Stopwatch.StartNew();
await using (var scope = scopes.For(tenantId))
{
    await scope.ServiceProvider.GetRequiredService<EmbossingBatchGenerator>().RunAsync(key, CancellationToken.None);
}
var elapsed = clock.Elapsed;
await sampling.CancelAsync();
await sampler;

long size;
int issued;
byte[] file;
await using (var scope = scopes.For(tenantId))
{
    var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
    size = await db.Set<EmbossingBatch>().Select(b => b.FileSize).SingleAsync();
    issued = await db.Cards.CountAsync(c => c.Status == Loyalty.Domain.Cards.CardStatus.PlasticIssued);
    file = [.. (await db.Set<EmbossingFileChunk>().OrderBy(c => c.Sequence).Select(c => c.Data).ToListAsync()).SelectMany(d => d)];
}
var records = EmbossingFileParser.Parse(file, EmbosserLayout.Standard);
Console.WriteLine($"# Embossing batch, {cards:N0} approved cards ({Environment.ProcessorCount} cores)");
Console.WriteLine();
Console.WriteLine("| cards | generation s | cards at 09 | file bytes | file lines | working set before MiB | peak during MiB |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine(FormattableString.Invariant(
    $"| {cards:N0} | {elapsed.TotalSeconds:N2} | {issued:N0} | {size:N0} | {records.Count:N0} | {before / 1048576.0:N0} | {peak / 1048576.0:N0} |"));
return elapsed.TotalSeconds < 15 && issued == cards && records.Count == cards + 2 ? 0 : 1;
