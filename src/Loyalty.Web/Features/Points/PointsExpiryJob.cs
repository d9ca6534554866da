using Hangfire;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Features.Points;

/// <summary>
/// Hourly expiry per tenant, besides the daily close's step: lots expire at the tenant's local midnight, and a
/// redemption cancelled after its lots expired gives back points that must expire again without waiting a day. Safe
/// to overlap with the close or with another server (<see cref="PointsLedger.ExpireDueAsync"/>).
/// </summary>
public sealed class PointsExpiryJob(TenantScopes scopes)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (tenantId == Guid.Empty)
        {
            throw new TenantNotResolvedException();
        }
        await using var scope = scopes.For(tenantId);
        scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("job:points-expiry");
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await scope.ServiceProvider.GetRequiredService<PointsLedger>().ExpireDueAsync(now, cancellationToken);
    }
}
