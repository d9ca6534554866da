namespace Loyalty.Web.Infrastructure.Tenancy;

/// <summary>
/// The tenant of the current request, job or command. Scoped: set once from the signed-in user's claim, the API key or
/// the job's argument. Reading <see cref="RequiredTenantId"/> without a tenant throws, so a missing tenant can never mean
/// "all tenants".
/// </summary>
public sealed class TenantContext
{
    public Guid? TenantId { get; private set; }

    public Guid RequiredTenantId => TenantId ?? throw new TenantNotResolvedException();

    public void Set(Guid tenantId)
    {
        if (TenantId is { } current && current != tenantId)
        {
            throw new InvalidOperationException("The tenant of a scope cannot change; create a new scope for another tenant.");
        }
        TenantId = tenantId;
    }
}

public sealed class TenantNotResolvedException()
    : InvalidOperationException("No tenant is set for this operation; tenant-owned data cannot be read or written.");
