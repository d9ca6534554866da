using System.Globalization;
using System.Net;
using System.Runtime;
using Loyalty.Bench.Purchases;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Load test of the POS purchase endpoint, POST /api/v1/purchases (SPEC §10), against a bare ceiling: the product on a real
// Kestrel port, 32 concurrent POS clients, then the same load on a minimal endpoint doing only the three writes with raw
// Npgsql (BareCeiling). Database, apps and load generator share this machine.
// Usage: dotnet run -c Release --project bench/Loyalty.Bench.Purchases -- [--warmup 60] [--measure 30] [--runs 3]
//        [--clients 32] [--customers 5000] [--campaigns 0|1]   (durations in seconds)
// --campaigns 1 gives the product's tenant an open fixed campaign with a concession on the purchased product's department
// and an open periodic one with a store bonus and a frequency bonus, so every purchase also reads the catalogue and
// advances a running total (the campaign round trips of PurchaseStore.Campaigns).
// --fresh 1 (default, when ./loyalty bench sets LOYALTY_APP_DLL to the published app) then starts the published app as
// a new process on the same database and measures its first minute from the moment /health answers 200.
var options = Options.Parse(args);
Console.Error.WriteLine($"server GC: {GCSettings.IsServerGC}, processors: {Environment.ProcessorCount}");

// The test projects find the app's content root through their MvcTestingAppManifest.json; this console project names it.
var webRoot = new DirectoryInfo(AppContext.BaseDirectory);
while (webRoot is not null && !Directory.Exists(Path.Combine(webRoot.FullName, "src", "Loyalty.Web")))
{
    webRoot = webRoot.Parent;
}
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LOYALTY_WEB",
    Path.Combine(webRoot?.FullName ?? throw new InvalidOperationException("src/Loyalty.Web not found above the bench's output folder."), "src", "Loyalty.Web"));

var server = await PostgresServer.GetAsync();
await using var product = new LoyaltyAppFactory(await server.CreateDatabaseAsync(), new Dictionary<string, string?>
{
    ["RateLimits:ApiPerSecond"] = "100000000",
    ["Jobs:RunServer"] = "false",
    ["Serilog:MinimumLevel:Default"] = "Warning",
    ["Logging:LogLevel:Default"] = "Warning",
});
product.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
product.StartServer();
var productAddress = new Uri(product.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

var tenant = await product.CreateTenantAsync("bench");
var storeId = await product.CreateStoreAsync(tenant.Id, "LJ01");
var apiKey = await product.CreateApiKeyAsync(tenant.Id, storeId, "POS bench");
var categoryId = await product.InTenantAsync(tenant.Id, db => db.CustomerCategories.Select(c => c.Id).FirstAsync());
await BulkCustomers.InsertAsync(product.Database, tenant.Id, options.Customers, [categoryId], [storeId]);
if (options.Campaigns)
{
    await BenchCampaigns.AddAsync(product, tenant.Id, storeId);
}
await server.ExecuteAsync(product.Database.Name, "VACUUM ANALYZE");
var cards = new List<string>();
await using (var connection = new NpgsqlConnection(product.Database.SuperUserConnectionString))
{
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT number FROM cards WHERE tenant_id = $1 AND status = 'Active'", connection);
    command.Parameters.Add(new NpgsqlParameter { Value = tenant.Id });
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        cards.Add(reader.GetString(0));
    }
}
Console.Error.WriteLine($"product on {productAddress}: tenant, store, key, {cards.Count:N0} customers with cards");

await using var bare = await BareCeiling.StartAsync(server, cards);
Console.Error.WriteLine($"bare ceiling on {bare.BaseAddress}");

var couponPrefix = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)[^6..] + "-";
var postmaster = CpuMeter.FindPostmaster();
TimeSpan DatabaseCpu() => postmaster is { } pid ? CpuMeter.Database(pid) : TimeSpan.Zero;
var results = new List<(string Name, List<RunResult> Runs, List<TimeSpan> DatabaseCpu)>();
foreach (var (name, address, database) in new[]
{
    ("product POST /api/v1/purchases", productAddress, product.Database.Name), ("bare ceiling (raw Npgsql)", bare.BaseAddress, bare.DatabaseName),
})
{
    using var load = new LoadGenerator(address, cards, apiKey, options.Clients, couponPrefix);
    var (status, body) = await load.ProbeAsync();
    if (status != 201)
    {
        Console.Error.WriteLine($"{name}: the sanity request answered {status}: {body}");
        return 1;
    }
    Console.Error.WriteLine($"{name}: warm-up {options.WarmUp.TotalSeconds:N0} s");
    // Both start on empty purchase tables. Plans made while a table is tiny (the foreign keys' checks above all) stay
    // cached until its statistics change, and a (tenant, occurred_at) index then serves a (tenant, id) lookup by
    // scanning the tenant's rows; on a live system autovacuum's ANALYZE refreshes them within a minute or two. Halfway
    // through the warm-up the benchmark does what autovacuum would, so that the runs measure the steady state
    // (README, Performance).
    var beforeAnalyze = await load.RunAsync(options.WarmUp / 2);
    await server.ExecuteAsync(database, "ANALYZE");
    var warm = await load.RunAsync(options.WarmUp / 2);
    Console.Error.WriteLine(FormattableString.Invariant(
        $"{name}: warm-up {beforeAnalyze.RequestsPerSecond:N0} req/s before ANALYZE, {warm.RequestsPerSecond:N0} after, {beforeAnalyze.ErrorCount + warm.ErrorCount} errors"));
    var runs = new List<RunResult>();
    var databaseCpu = new List<TimeSpan>();
    for (var i = 1; i <= options.Runs; i++)
    {
        var before = DatabaseCpu();
        var run = await load.RunAsync(options.Measure);
        databaseCpu.Add(DatabaseCpu() - before);
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{name}: run {i}: {run.RequestsPerSecond:N0} req/s, p50 {run.Percentile(50):N1} ms, p95 {run.Percentile(95):N1} ms, p99 {run.Percentile(99):N1} ms, {run.ErrorCount} errors"));
        runs.Add(run);
    }
    results.Add((name, runs, databaseCpu));
}

var appDll = Environment.GetEnvironmentVariable("LOYALTY_APP_DLL");
string? freshLine = null;
if (options.Fresh && !string.IsNullOrEmpty(appDll) && File.Exists(appDll))
{
    Console.Error.WriteLine($"fresh process: starting {appDll}");
    await using var fresh = await FreshProcess.StartAsync(appDll, product.Database.AppConnectionString, product.Database.OwnerConnectionString);
    Console.Error.WriteLine(FormattableString.Invariant($"fresh process: healthy after {fresh.UntilHealthy.TotalSeconds:N1} s"));
    using var load = new LoadGenerator(fresh.BaseAddress, cards, apiKey, options.Clients, "F" + couponPrefix);
    var slices = new List<RunResult>();
    for (var i = 0; i < 6; i++)
    {
        slices.Add(await load.RunAsync(TimeSpan.FromSeconds(10)));
        Console.Error.WriteLine(FormattableString.Invariant($"fresh process: {10 * (i + 1)} s: {slices[^1].RequestsPerSecond:N0} req/s, {slices[^1].ErrorCount} errors"));
    }
    var firstMinute = slices.Sum(s => s.Succeeded) / slices.Sum(s => s.Elapsed.TotalSeconds);
    var (appBefore, databaseBefore) = (CpuMeter.Process(fresh.Process), DatabaseCpu());
    var warm = await load.RunAsync(options.Measure);
    var (appCpu, databaseCpu) = (CpuMeter.Process(fresh.Process) - appBefore, DatabaseCpu() - databaseBefore);
    freshLine = FormattableString.Invariant(
        $"Fresh process: healthy after {fresh.UntilHealthy.TotalSeconds:N1} s; first minute {firstMinute:N0} req/s (10-s slices {FreshProcess.Describe(slices)}), {slices.Sum(s => s.ErrorCount)} errors; then {warm.RequestsPerSecond:N0} req/s warm; first minute / warm {firstMinute / warm.RequestsPerSecond:N2}. CPU per purchase, warm: app {CpuMeter.PerPurchase(appCpu, warm.Succeeded)}, database {CpuMeter.PerPurchase(databaseCpu, warm.Succeeded)}.");
}
else if (options.Fresh)
{
    Console.Error.WriteLine("fresh process: skipped (LOYALTY_APP_DLL does not name the published app; ./loyalty bench purchases sets it)");
}

Console.WriteLine(FormattableString.Invariant(
    $"# POS purchases, {options.Clients} concurrent clients, {cards.Count:N0} customers{(options.Campaigns ? ", open campaigns" : "")}; warm-up {options.WarmUp.TotalSeconds:N0} s, {options.Runs} run(s) of {options.Measure.TotalSeconds:N0} s; {Environment.ProcessorCount} cores"));
Console.WriteLine();
Console.WriteLine("| target | run | req/s | p50 ms | p95 ms | p99 ms | max ms | ok | errors | database CPU per purchase |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
foreach (var (name, runs, databaseCpu) in results)
{
    for (var i = 0; i < runs.Count; i++)
    {
        var r = runs[i];
        var errors = r.ErrorCount == 0 ? "0" : string.Join(", ", r.Errors.Select(e => $"{e.Key}×{e.Value}"));
        Console.WriteLine(FormattableString.Invariant(
            $"| {name} | {i + 1} | {r.RequestsPerSecond:N0} | {r.Percentile(50):N1} | {r.Percentile(95):N1} | {r.Percentile(99):N1} | {(r.SortedLatencies.Length == 0 ? double.NaN : r.SortedLatencies[^1]):N1} | {r.Succeeded:N0} | {errors} | {CpuMeter.PerPurchase(databaseCpu[i], r.Succeeded)} |"));
    }
}
var productMedian = Median(results[0].Runs.Select(r => r.RequestsPerSecond));
var bareMedian = Median(results[1].Runs.Select(r => r.RequestsPerSecond));
Console.WriteLine();
Console.WriteLine(FormattableString.Invariant(
    $"Median throughput: product {productMedian:N0} req/s, bare ceiling {bareMedian:N0} req/s, ratio {productMedian / bareMedian:N2} (goal ≥ {(options.Campaigns ? "0.50" : "0.60")})."));
if (freshLine is not null)
{
    Console.WriteLine(freshLine);
}
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

internal sealed record Options(TimeSpan WarmUp, TimeSpan Measure, int Runs, int Clients, int Customers, bool Campaigns, bool Fresh)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, int> { ["warmup"] = 60, ["measure"] = 30, ["runs"] = 3, ["clients"] = 32, ["customers"] = 5000, ["campaigns"] = 0, ["fresh"] = 1 };
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unknown argument '{arg}' (options: --{string.Join(" N, --", values.Keys)} N)");
            }
            var name = arg[2..];
            string value;
            if (name.Contains('=', StringComparison.Ordinal))
            {
                value = name[(name.IndexOf('=', StringComparison.Ordinal) + 1)..];
                name = name[..name.IndexOf('=', StringComparison.Ordinal)];
            }
            else
            {
                value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value");
            }
            if (!values.ContainsKey(name))
            {
                throw new ArgumentException($"unknown option '--{name}' (options: --{string.Join(" N, --", values.Keys)} N)");
            }
            values[name] = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (n > 0 || name is "campaigns" or "fresh")
                ? n : throw new ArgumentException($"--{name}: '{value}' is not a positive whole number");
        }
        return new Options(TimeSpan.FromSeconds(values["warmup"]), TimeSpan.FromSeconds(values["measure"]), values["runs"],
            values["clients"], values["customers"], values["campaigns"] > 0, values["fresh"] > 0);
    }
}
