using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// Evicts the tenant's cached <see cref="CampaignRules"/> after a save that changed a campaign or one of the rows the
/// earning reads (stores, concessions, bonuses, discounts, gift rules). Prizes, redemptions and vouchers change no
/// earning, so a busy counter does not empty the cache.
/// </summary>
public sealed class CampaignRulesInvalidation(CampaignRules rules, TenantContext tenant) : SaveChangesInterceptor
{
    private bool _changed;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Notice(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Notice(eventData.Context);
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

    private void Notice(DbContext? context) =>
        _changed |= context?.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Campaign or CampaignStore or Concession or CampaignRule) == true;

    private void Evict()
    {
        if (_changed && tenant.TenantId is { } tenantId)
        {
            rules.Evict(tenantId);
        }
        _changed = false;
    }
}
