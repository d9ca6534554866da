using System.Text.Json;
using Loyalty.Domain.Common;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Loyalty.Web.Infrastructure.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change to an <see cref="IAudited"/> entity in the same SaveChanges, so a
/// change and its audit row commit or fail together. Secrets and bookkeeping columns are never copied into the log.
/// </summary>
public sealed class AuditInterceptor(TenantContext tenant, AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> NeverLogged =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SecretHash", "AccessFailedCount",
        "NormalizedUserName", "NormalizedEmail", "PinHash",
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        // Changes made outside any tenant (a PlatformAdmin's own account) have no tenant log to go to.
        if (context is null || tenant.TenantId is not { } tenantId)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => ToAuditEntry(e, now))
            .OfType<AuditEntry>()
            .ToList();
        foreach (var entry in entries)
        {
            context.Add(entry);
            context.Entry(entry).Property(nameof(AuditEntry.TenantId)).CurrentValue = tenantId;
        }
    }

    private AuditEntry? ToAuditEntry(EntityEntry entry, DateTimeOffset now)
    {
        var properties = entry.Properties.Where(p => !NeverLogged.Contains(p.Metadata.Name)).ToList();
        Dictionary<string, object?>? before = null;
        Dictionary<string, object?>? after = null;
        switch (entry.State)
        {
            case EntityState.Added:
                after = properties.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
                break;
            case EntityState.Deleted:
                before = properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
                break;
            default:
                var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count == 0)
                {
                    return null;
                }
                before = changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue);
                after = changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
                break;
        }
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
        return new AuditEntry
        {
            OccurredAt = now,
            UserId = actor.UserId,
            Actor = actor.Name,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Join("/", key),
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
            CorrelationId = actor.CorrelationId,
        };
    }
}
