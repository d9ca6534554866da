namespace Loyalty.Web.Infrastructure.WarmUp;

/// <summary>A per-tenant cache a feature keeps, filled ahead by <see cref="AppWarmUp"/> for every tenant (the features
/// own their caches; the warm-up only knows this).</summary>
public interface ITenantWarmUp
{
    ValueTask WarmAsync(Guid tenantId, CancellationToken cancellationToken);
}
