using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.Web.Infrastructure.WarmUp;

/// <summary>Unhealthy (503 on /health) until the warm-up has run, so that no traffic reaches a cold process.</summary>
public sealed class WarmUpHealthCheck(WarmUpState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDone
            ? HealthCheckResult.Healthy("Warm")
            : HealthCheckResult.Unhealthy("Warming up: connections, queries, earning rules and the request pipeline"));
}
