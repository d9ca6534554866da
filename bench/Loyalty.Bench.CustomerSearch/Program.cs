using System.Diagnostics;
using System.Globalization;
using Loyalty.Bench.CustomerSearch;
using Loyalty.Domain.Customers;
using Loyalty.Testing;
using Loyalty.Web.Features.Blocks;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Times every kind of customer search of the list (/clientes) over a tenant with many customers, through the same
// handler the screen calls (the page's customers, category and store names, main cards), as the app role under RLS.
// Usage: dotnet run -c Release --project bench/Loyalty.Bench.CustomerSearch [customers=1000000] [runs=50]
var customers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;

await using var tenant = await BenchTenant.CreateAsync(customers);
var cnpj = Cnpj.Parse(tenant.Probes["Posto Xavantina Ltda"]).Formatted.ToLowerInvariant();
var cases = new (string Name, CustomerList.Query Query)[]
{
    ("CPF, punctuated", new() { Q = Cpf.Parse(tenant.Probes["Quintiliano Zebedeu Farias"]).Formatted }),
    ("CNPJ alphanumeric, lower case", new() { Q = cnpj }),
    ("card number", new() { Q = tenant.Probes["card"] }),
    ("phone (21) 99876-5432", new() { Q = "(21) 99876-5432" }),
    ("e-mail", new() { Q = "Quintiliano@Exemplo.com.br" }),
    ("name, rare word \"zebedeu\"", new() { Q = "zebedeu" }),
    ("name, two words \"quint farias\"", new() { Q = "quint farias" }),
    ("name, common \"maria\"", new() { Q = "maria" }),
    ("name, common pair \"maria silva\"", new() { Q = "maria silva" }),
    ("name, 2-letter prefix \"jo\"", new() { Q = "jo" }),
    ("name, late in the alphabet \"wanderlei\"", new() { Q = "wanderlei" }),
    ("name, nobody \"xyzzy\"", new() { Q = "xyzzy" }),
    ("browse, page 1", new()),
    ("browse, page 40", new() { Page = 40 }),
    ("category (25%)", new() { CategoryId = tenant.Categories[1] }),
    ("category (tiny)", new() { CategoryId = tenant.Categories[3] }),
    ("registering store", new() { StoreId = tenant.Stores[1] }),
    ("status inactive", new() { Status = CustomerStatus.Inactive }),
    ("view leads", new() { View = RelationshipView.Leads }),
    ("name \"maria\" + category", new() { Q = "maria", CategoryId = tenant.Categories[1] }),
};

Console.WriteLine($"# Customer search, {customers:N0} customers, {runs} runs each (after 3 warm-up runs)");
Console.WriteLine();
Console.WriteLine("| search | rows | p50 ms | p95 ms | max ms | SQL ms (EXPLAIN ANALYZE) | seq scan executed |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
foreach (var (name, query) in cases)
{
    var times = new List<double>();
    var rows = 0;
    for (var i = 0; i < runs + 3; i++)
    {
        await using var scope = tenant.Scope();
        var handler = scope.ServiceProvider.GetRequiredService<CustomerList.Handler>();
        var clock = Stopwatch.StartNew();
        var result = await handler.HandleAsync(new CustomerList.Query
        {
            Q = query.Q, CategoryId = query.CategoryId, StoreId = query.StoreId, Status = query.Status, View = query.View, Page = query.Page,
        }, CancellationToken.None);
        if (i >= 3)
        {
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        rows = result.Rows.Count;
    }
    string plan;
    await using (var scope = tenant.Scope())
    {
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var candidates = scope.ServiceProvider.GetRequiredService<CustomerList.Handler>().Candidates(query, CustomerSearchTerm.Parse(query.Q));
        plan = await QueryPlans.ExplainAsync(db, candidates, analyze: true);
    }
    var seqScans = plan.Split('\n').Where(l => l.Contains("Seq Scan on", StringComparison.Ordinal) && !l.Contains("never executed", StringComparison.Ordinal))
        .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"Seq Scan on (\S+)").Groups[1].Value).Distinct().ToList();
    var sqlMs = plan.Split('\n').Last(l => l.StartsWith("Execution Time", StringComparison.Ordinal)).Split(':')[1].Trim();
    times.Sort();
    Console.WriteLine(FormattableString.Invariant(
        $"| {name} | {rows} | {Percentile(times, 50):N1} | {Percentile(times, 95):N1} | {times[^1]:N1} | {sqlMs} | {(seqScans.Count == 0 ? "none" : string.Join(", ", seqScans))} |"));
}

var blockTimes = new List<double>();
var probe = await ProbeIdAsync(tenant);
for (var i = 0; i < runs + 3; i++)
{
    await using var scope = tenant.Scope();
    var blocks = scope.ServiceProvider.GetRequiredService<RedemptionBlocks>();
    var clock = Stopwatch.StartNew();
    await blocks.IsBlockedAsync(probe, CancellationToken.None);
    if (i >= 3)
    {
        blockTimes.Add(clock.Elapsed.TotalMilliseconds);
    }
}
blockTimes.Sort();
Console.WriteLine(FormattableString.Invariant(
    $"| RedemptionBlocks.IsBlockedAsync | – | {Percentile(blockTimes, 50):N1} | {Percentile(blockTimes, 95):N1} | {blockTimes[^1]:N1} | – | – |"));
return 0;

static double Percentile(List<double> sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

static async Task<Guid> ProbeIdAsync(BenchTenant tenant)
{
    await using var scope = tenant.Scope();
    var document = tenant.Probes["Quintiliano Zebedeu Farias"];
    return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
        scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>().Customers.Where(c => c.Document == document).Select(c => c.Id));
}
