using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Loyalty.Web.Infrastructure.Tenancy;

/// <summary>
/// Each tenant's time zone, for formatting instants on screen (<see cref="Localization.DisplayFormat"/>): views format
/// synchronously, so a miss reads the one column it needs and nothing else — never the earning rules with their campaigns.
/// A save of the tenant evicts it at once on this server (<see cref="ITenantCache"/>); other servers read a change when
/// the entry's <see cref="Lifetime"/> ends.
/// </summary>
public sealed class TenantTimeZones(IMemoryCache cache, TenantScopes scopes) : ITenantCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public TimeZoneInfo For(Guid tenantId)
    {
        if (cache.TryGetValue(Key(tenantId), out TimeZoneInfo? zone))
        {
            return zone!;
        }
        using var scope = scopes.For(tenantId);
        var zoneId = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId).Select(t => t.TimeZoneId).Single();
        return cache.Set(Key(tenantId), TimeZoneInfo.FindSystemTimeZoneById(zoneId), Lifetime);
    }

    public void Evict(Guid tenantId) => cache.Remove(Key(tenantId));

    private static (string, Guid) Key(Guid tenantId) => ("time-zone", tenantId);
}
