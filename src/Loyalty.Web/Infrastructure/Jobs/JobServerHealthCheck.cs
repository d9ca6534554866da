using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.Web.Infrastructure.Jobs;

/// <summary>Healthy when at least one job server (in this process or a separate worker) sent a heartbeat recently.</summary>
public sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan MaxSilence = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var now = clock.GetUtcNow().UtcDateTime;
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < MaxSilence);
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} job server(s) alive")
            : HealthCheckResult.Unhealthy("No job server has sent a heartbeat in the last minute"));
    }
}
