using Hangfire;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Features.Embossing;

/// <summary>The Hangfire entry point of a batch generation: takes the tenant and request ids only.</summary>
public sealed class EmbossingJob(TenantScopes scopes)
{
    // No automatic retry: a failed generation changed nothing and says so on its page; the operator asks again.
    [AutomaticRetry(Attempts = 0)]
    public async Task GenerateAsync(Guid tenantId, Guid requestId, CancellationToken cancellationToken)
    {
        if (tenantId == Guid.Empty)
        {
            throw new TenantNotResolvedException();
        }
        await using var scope = scopes.For(tenantId);
        scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("job:embossing");
        await scope.ServiceProvider.GetRequiredService<EmbossingBatchGenerator>().RunAsync(requestId, cancellationToken);
    }
}
