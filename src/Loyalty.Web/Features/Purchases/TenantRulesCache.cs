using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Purchases;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// Each tenant's <see cref="EarningRules"/> (rate, default antifraud rules, time zone, categories, active campaigns), read
/// once instead of on every purchase. A save of program settings, a category, a
/// campaign's earning rows or the tenant evicts
/// the tenant's entry at once on this server (<see cref="Infrastructure.Persistence.Interceptors.CacheInvalidationInterceptor"/>);
/// other servers read the change when their entry's <see cref="Lifetime"/> ends, or at once for a category they have
/// never seen (<see cref="GetAsync(Guid, Guid, CancellationToken)"/>).
/// </summary>
public sealed class TenantRulesCache(IMemoryCache cache, TenantScopes scopes, TimeProvider clock) : ITenantCache, Infrastructure.WarmUp.ITenantWarmUp
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>The tenant's rules; a miss reads them in a scope of its own, so a caller needs no DbContext (the POS
    /// purchase path builds none).</summary>
    /// <summary>Reads the tenant's rules before its first purchase does (the app's warm-up).</summary>
    public async ValueTask WarmAsync(Guid tenantId, CancellationToken cancellationToken) => await GetAsync(tenantId, cancellationToken);

    public async ValueTask<EarningRules> GetAsync(Guid tenantId, CancellationToken cancellationToken) =>
        cache.TryGetValue(Key(tenantId), out EarningRules? rules) ? rules! : Store(tenantId, await LoadAsync(tenantId, cancellationToken));

    /// <summary>As <see cref="GetAsync(Guid, CancellationToken)"/>, reloading when the snapshot lacks
    /// <paramref name="categoryId"/> (a category created on another server after this one read the tenant).</summary>
    public async ValueTask<EarningRules> GetAsync(Guid tenantId, Guid categoryId, CancellationToken cancellationToken)
    {
        var rules = await GetAsync(tenantId, cancellationToken);
        return rules.Category(categoryId) is not null ? rules : Store(tenantId, await LoadAsync(tenantId, cancellationToken));
    }

    public void Evict(Guid tenantId) => cache.Remove(Key(tenantId));

    private static (string, Guid) Key(Guid tenantId) => ("earning-rules", tenantId);

    private EarningRules Store(Guid tenantId, EarningRules rules) => cache.Set(Key(tenantId), rules, Lifetime);

    private async Task<EarningRules> LoadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.For(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var zoneId = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZoneId).SingleAsync(cancellationToken);
        var settings = await db.ProgramSettings.AsNoTracking().SingleAsync(cancellationToken);
        var categories = await db.CustomerCategories.AsNoTracking().ToListAsync(cancellationToken);
        return Snapshot(zoneId, settings, categories, await ActiveCampaigns.LoadAsync(db, settings.PointsPerReal, clock.GetUtcNow(), cancellationToken));
    }

    private static EarningRules Snapshot(string zoneId, ProgramSettings settings, List<CustomerCategory> categories, CampaignRuleSet campaigns) =>
        new(settings.PointsPerReal, settings.DefaultRules, TimeZoneInfo.FindSystemTimeZoneById(zoneId), categories.ToDictionary(c => c.Id), campaigns);
}
