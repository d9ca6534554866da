using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Cli;

internal static class TenantLookup
{
    /// <summary>Opens the scope of the tenant named by --tenant, with the command as the audited actor.</summary>
    public static async Task<AsyncServiceScope> ScopeForAsync(IServiceProvider services, string tenantCode, string actor)
    {
        var code = TenantCode.Normalize(tenantCode);
        Guid tenantId;
        await using (var platform = services.GetRequiredService<TenantScopes>().Platform())
        {
            var db = platform.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            tenantId = await db.Tenants.Where(t => t.Code == code).Select(t => (Guid?)t.Id).SingleOrDefaultAsync()
                ?? throw new CommandException($"tenant '{code}' not found");
        }
        var scope = services.GetRequiredService<TenantScopes>().For(tenantId);
        scope.ServiceProvider.GetRequiredService<Infrastructure.Auditing.AuditActor>().UseSystemActor(actor);
        return scope;
    }
}
