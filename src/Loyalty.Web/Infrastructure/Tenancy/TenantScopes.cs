using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Infrastructure.Tenancy;

/// <summary>Opens a DI scope bound to one tenant: used by jobs, management commands and platform administration.</summary>
public sealed class TenantScopes(IServiceScopeFactory scopeFactory)
{
    public AsyncServiceScope For(Guid tenantId)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        return scope;
    }

    /// <summary>A scope without tenant, where only global rows (tenants, platform users) are visible.</summary>
    public AsyncServiceScope Platform() => scopeFactory.CreateAsyncScope();
}
