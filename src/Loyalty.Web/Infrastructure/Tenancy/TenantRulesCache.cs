using Loyalty.Domain.Purchases;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Loyalty.Web.Infrastructure.Tenancy;

/// <summary>
/// Each tenant's <see cref="EarningRules"/> (rate, default antifraud rules, time zone, categories), read once instead of
/// on every purchase and every page that shows an instant. A save of program settings, a category or the tenant evicts
/// the tenant's entry at once on this server (<see cref="Persistence.Interceptors.CacheInvalidationInterceptor"/>);
/// other servers read the change when their entry's <see cref="Lifetime"/> ends, or at once for a category they have
/// never seen (<see cref="GetAsync(LoyaltyDbContext, Guid, CancellationToken)"/>).
/// </summary>
public sealed class TenantRulesCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>The rules of the scope's tenant (the one <paramref name="db"/> works for).</summary>
    public async ValueTask<EarningRules> GetAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        return cache.TryGetValue(Key(tenantId), out EarningRules? rules) ? rules! : Store(tenantId, await LoadAsync(db, tenantId, cancellationToken));
    }

    /// <summary>As <see cref="GetAsync(LoyaltyDbContext, CancellationToken)"/>, reloading when the snapshot lacks
    /// <paramref name="categoryId"/> (a category created on another server after this one read the tenant).</summary>
    public async ValueTask<EarningRules> GetAsync(LoyaltyDbContext db, Guid categoryId, CancellationToken cancellationToken)
    {
        var rules = await GetAsync(db, cancellationToken);
        if (rules.Category(categoryId) is not null)
        {
            return rules;
        }
        var tenantId = db.Tenant.RequiredTenantId;
        return Store(tenantId, await LoadAsync(db, tenantId, cancellationToken));
    }

    /// <summary>For synchronous callers (a view formatting an instant).</summary>
    public EarningRules Get(LoyaltyDbContext db)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        return cache.TryGetValue(Key(tenantId), out EarningRules? rules) ? rules! : Store(tenantId, Load(db, tenantId));
    }

    public void Evict(Guid tenantId) => cache.Remove(Key(tenantId));

    private static (string, Guid) Key(Guid tenantId) => ("earning-rules", tenantId);

    private EarningRules Store(Guid tenantId, EarningRules rules) => cache.Set(Key(tenantId), rules, Lifetime);

    private static async Task<EarningRules> LoadAsync(LoyaltyDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        var zoneId = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZoneId).SingleAsync(cancellationToken);
        var settings = await db.ProgramSettings.AsNoTracking().SingleAsync(cancellationToken);
        var categories = await db.CustomerCategories.AsNoTracking().ToListAsync(cancellationToken);
        return new EarningRules(settings.PointsPerReal, settings.DefaultRules, TimeZoneInfo.FindSystemTimeZoneById(zoneId),
            categories.ToDictionary(c => c.Id));
    }

    private static EarningRules Load(LoyaltyDbContext db, Guid tenantId)
    {
        var zoneId = db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZoneId).Single();
        var settings = db.ProgramSettings.AsNoTracking().Single();
        var categories = db.CustomerCategories.AsNoTracking().ToList();
        return new EarningRules(settings.PointsPerReal, settings.DefaultRules, TimeZoneInfo.FindSystemTimeZoneById(zoneId),
            categories.ToDictionary(c => c.Id));
    }
}
