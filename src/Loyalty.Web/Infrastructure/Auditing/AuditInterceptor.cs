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
        "NormalizedUserName", "NormalizedEmail", "PinHash", "PinSalt",
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

    // Value objects mapped as complex properties (an address, a rule set) are not in entry.Properties: their fields
    // are logged as "Address.City", "CustomRules.MaxPurchaseAmount".
    private static IEnumerable<(string Name, PropertyEntry Entry)> Flatten(EntityEntry entry) =>
        entry.Properties.Select(p => (p.Metadata.Name, p))
            .Concat(entry.ComplexProperties.SelectMany(c => Flatten(c.Metadata.Name, c)));

    private static IEnumerable<(string Name, PropertyEntry Entry)> Flatten(string prefix, ComplexPropertyEntry complex) =>
        complex.Properties.Select(p => ($"{prefix}.{p.Metadata.Name}", p))
            .Concat(complex.ComplexProperties.SelectMany(c => Flatten($"{prefix}.{c.Metadata.Name}", c)));

    /// <summary>The row's key; for a new row whose key the database generates (a campaign's rule rows), which is still
    /// EF's temporary value here, the key of the audited record it belongs to (<c>Campaign:…</c>), so the log entry can be
    /// found from that record.</summary>
    private static string EntityId(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!.Properties;
        if (key.All(p => !entry.Property(p.Name).IsTemporary))
        {
            return string.Join("/", key.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
        }
        var owner = entry.Metadata.GetForeignKeys().FirstOrDefault(f => typeof(IAudited).IsAssignableFrom(f.PrincipalEntityType.ClrType));
        return owner is null ? "new"
            : $"{owner.PrincipalEntityType.ClrType.Name}:{string.Join("/", owner.Properties.Where(p => p.Name != "TenantId").Select(p => entry.Property(p.Name).CurrentValue?.ToString()))}";
    }

    private AuditEntry? ToAuditEntry(EntityEntry entry, DateTimeOffset now)
    {
        var properties = Flatten(entry).Where(p => !NeverLogged.Contains(p.Name)).ToList();
        Dictionary<string, object?>? before = null;
        Dictionary<string, object?>? after = null;
        switch (entry.State)
        {
            case EntityState.Added:
                after = properties.ToDictionary(p => p.Name, p => p.Entry.CurrentValue);
                break;
            case EntityState.Deleted:
                before = properties.ToDictionary(p => p.Name, p => p.Entry.OriginalValue);
                break;
            default:
                var changed = properties.Where(p => p.Entry.IsModified && !Equals(p.Entry.OriginalValue, p.Entry.CurrentValue)).ToList();
                if (changed.Count == 0)
                {
                    return null;
                }
                before = changed.ToDictionary(p => p.Name, p => p.Entry.OriginalValue);
                after = changed.ToDictionary(p => p.Name, p => p.Entry.CurrentValue);
                break;
        }
        return new AuditEntry
        {
            OccurredAt = now,
            UserId = actor.UserId,
            Actor = actor.Name,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = EntityId(entry),
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
