using Hangfire;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Features.Credit.AnalyseAll;

/// <summary>The Hangfire entry point of "Analisar todos": takes the tenant and run ids only.</summary>
public sealed class AnalyseAllJob(AnalyseAllRunner runner)
{
    // No automatic retry: what was decided stays decided and the page says the run stopped; a rerun of the same run
    // (a duplicated job) decides only the customers still pending.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid tenantId, Guid runId, CancellationToken cancellationToken)
    {
        if (tenantId == Guid.Empty)
        {
            throw new TenantNotResolvedException();
        }
        return runner.RunAsync(tenantId, runId, cancellationToken);
    }
}
