using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Common;
using Loyalty.Domain.Integration;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Security;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Loyalty.Web.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Evicts what the in-memory caches hold of a row once a SaveChanges changed it: a tenant's entry in every
/// <see cref="ITenantCache"/> (earning rules, time zone) when its program settings, a category, a campaign (its stores,
/// concessions or periodic rules) or the tenant itself change, an API key when it is revoked (or otherwise changed). Here
/// rather than in each handler, so every way of saving these rows (screens, commands, tests) keeps the caches honest.
/// Evicted after the save, so a reader between the save and the eviction can at worst cache the old rows until its
/// entry's lifetime ends; the eviction itself is what makes the next call on this server see the change.
/// </summary>
public sealed class CacheInvalidationInterceptor(IEnumerable<ITenantCache> tenantCaches, ApiKeyCache keys) : SaveChangesInterceptor
{
    private readonly List<object> _changed = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Evict();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Evict();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _changed.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _changed.Clear();
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        // Entries() detects changes first, so an edited tracked row shows as Modified.
        _changed.AddRange(context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                        && e.Entity is ProgramSettings or CustomerCategory or Tenant or ApiKey
                            or Campaign or CampaignStore or Concession or CampaignRule)
            .Select(e => e.Entity));
    }

    // After the save, so an added row has its tenant stamped.
    private void Evict()
    {
        foreach (var entity in _changed)
        {
            switch (entity)
            {
                case ProgramSettings settings:
                    EvictTenant(settings.TenantId);
                    break;
                case CustomerCategory category:
                    EvictTenant(category.TenantId);
                    break;
                case Tenant tenant:
                    EvictTenant(tenant.Id);
                    break;
                // Prizes, redemptions and vouchers change no earning: a busy counter does not empty the cache.
                case Campaign or CampaignStore or Concession or CampaignRule:
                    EvictTenant(((ITenantOwned)entity).TenantId);
                    break;
                case ApiKey key:
                    keys.Evict(key.SecretHash);
                    break;
            }
        }
        _changed.Clear();
    }

    private void EvictTenant(Guid tenantId)
    {
        foreach (var cache in tenantCaches)
        {
            cache.Evict(tenantId);
        }
    }
}
