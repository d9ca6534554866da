using Loyalty.Domain.Common;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Loyalty.Web.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Stamps the current tenant on new tenant-owned rows and refuses to save a row of another tenant, whatever the code
/// that tracked it. A save of tenant-owned rows without a tenant throws.
/// </summary>
public sealed class TenantStampInterceptor(TenantContext tenant) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            if (entry.Entity is ITenantOwned owned)
            {
                var current = tenant.RequiredTenantId;
                if (entry.State == EntityState.Added && owned.TenantId == Guid.Empty)
                {
                    entry.Property(nameof(ITenantOwned.TenantId)).CurrentValue = current;
                }
                else if (owned.TenantId != current)
                {
                    throw new InvalidOperationException($"Refused to save a {entry.Metadata.ClrType.Name} of another tenant.");
                }
            }
            else if (entry.Entity is StaffUser user && user.TenantId != tenant.TenantId)
            {
                throw new InvalidOperationException("Refused to save a staff user outside the current tenant.");
            }
        }
    }
}
