using System.Diagnostics;
using Loyalty.Domain.Integration;
using Loyalty.Web.Api;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loyalty.Web.Infrastructure.WarmUp;

/// <summary>
/// Gets a fresh process ready for the morning rush before <c>/health</c> says it is (<see cref="WarmUpHealthCheck"/>):
/// a load balancer sends traffic only then. What a first request would otherwise pay for, paid once here: the database
/// pool's connections, the EF model and the API key lookup's query, each tenant's earning rules (loading them also
/// compiles their queries), and one pass of the request pipeline — routing, authentication, problem details, the
/// sign-in view — through the app's own address. Publishing ReadyToRun (./loyalty, Dockerfile) spares the JIT the rest.
/// Nothing here writes, and a failing step is logged and skipped: a warm-up never keeps a working app out of service.
/// </summary>
public sealed partial class AppWarmUp(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    IServer server,
    WarmUpState state,
    IConfiguration configuration,
    ILogger<AppWarmUp> log) : BackgroundService
{
    /// <summary>Tenants whose rules are read ahead; a platform with more loads the rest on their first purchase.</summary>
    private const int MaxTenants = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        await RunStepAsync("connections", OpenConnectionsAsync, stoppingToken);
        await RunStepAsync("queries", CompileQueriesAsync, stoppingToken);
        await RunStepAsync("earning rules", LoadEarningRulesAsync, stoppingToken);
        await RunStepAsync("request pipeline", SendRequestsAsync, stoppingToken);
        state.Finish();
        LogWarm(log, clock.Elapsed.TotalMilliseconds);
    }

    private async Task RunStepAsync(string step, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        try
        {
            await run(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogStepFailed(log, ex, step);
        }
    }

    /// <summary>Opens as many physical connections as a burst of POS clients would, and hands them back to the pool.</summary>
    private async Task OpenConnectionsAsync(CancellationToken cancellationToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var poolSize = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize;
        var count = Math.Clamp(configuration.GetValue("WarmUp:Connections", 16), 0, poolSize / 2);
        var connections = new List<NpgsqlConnection>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                connections.Add(await dataSource.OpenConnectionAsync(cancellationToken));
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task CompileQueriesAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        // A hash no key has: the lookup finds nothing, and its query is compiled for the first real key.
        await ApiKeyLookup.FindByHashAsync(db, ApiKey.Hash(Guid.NewGuid().ToString("N")), cancellationToken);
    }

    private async Task LoadEarningRulesAsync(CancellationToken cancellationToken)
    {
        List<Guid> tenantIds;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            tenantIds = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).Select(t => t.Id).Take(MaxTenants).ToListAsync(cancellationToken);
        }
        var caches = services.GetServices<ITenantWarmUp>().ToList();
        foreach (var tenantId in tenantIds)
        {
            foreach (var cache in caches)
            {
                await cache.WarmAsync(tenantId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Requests that change nothing, sent once the server listens: a purchase without a key (the API's 401) and the
    /// sign-in page. Under the in-memory test server there is no address, and this step is skipped.
    /// </summary>
    private async Task SendRequestsAsync(CancellationToken cancellationToken)
    {
        if (!await ApplicationStartedAsync(cancellationToken))
        {
            return;
        }
        var address = OwnAddress();
        if (address is null)
        {
            return;
        }
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var purchase = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        (await client.PostAsync(new Uri("/api/v1/purchases", UriKind.Relative), purchase, cancellationToken)).Dispose();
        (await client.GetAsync(new Uri("/entrar", UriKind.Relative), cancellationToken)).Dispose();
    }

    /// <summary>The server's first plain-http address, on loopback (a wildcard host is this machine). A server listening
    /// only on https (TLS usually ends at a proxy) is not warmed through the network: its certificate need not be valid
    /// for 127.0.0.1.</summary>
    private Uri? OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.Scheme == Uri.UriSchemeHttp)
            .Select(u => new UriBuilder(u) { Host = u.IsLoopback ? u.Host : "127.0.0.1" }.Uri)
            .FirstOrDefault();
    }

    private async Task<bool> ApplicationStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        await started.Task;
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up done in {Milliseconds:N0} ms; /health now reports this process ready")]
    private static partial void LogWarm(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up step {Step} failed; skipped")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string step);
}
