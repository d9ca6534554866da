using Hangfire;
using Loyalty.Domain.DailyClose;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Features.DailyClose;

/// <summary>The Hangfire entry point of the daily close: takes the tenant id only and opens that tenant's scope.</summary>
public sealed class DailyCloseJob(TenantScopes scopes)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunScheduledAsync(Guid tenantId, CancellationToken cancellationToken) =>
        RunOnDemandAsync(tenantId, null, DailyCloseTrigger.Schedule, cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    public async Task RunOnDemandAsync(Guid tenantId, DateOnly? businessDate, DailyCloseTrigger trigger, CancellationToken cancellationToken)
    {
        if (tenantId == Guid.Empty)
        {
            throw new TenantNotResolvedException();
        }
        await using var scope = scopes.For(tenantId);
        scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("job:daily-close");
        await scope.ServiceProvider.GetRequiredService<DailyCloseRunner>()
            .RunAsync(businessDate, trigger, cancellationToken);
    }
}
