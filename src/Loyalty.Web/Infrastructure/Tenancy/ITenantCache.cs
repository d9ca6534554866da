namespace Loyalty.Web.Infrastructure.Tenancy;

/// <summary>
/// An in-memory cache of something a tenant configured (its earning rules, its time zone). The cache invalidation
/// interceptor evicts the tenant's entry from every one of them when the tenant, its program settings, a category or a
/// campaign is saved, without knowing which features keep such caches.
/// </summary>
public interface ITenantCache
{
    void Evict(Guid tenantId);
}
