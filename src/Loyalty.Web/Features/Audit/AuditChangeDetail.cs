using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Audit;

/// <summary>One change with every field it kept, before and after, and the way to the record's whole history.</summary>
public static class AuditChangeDetail
{
    /// <param name="HistoryUrl">The log filtered to this record; null when the change names no single record.</param>
    public sealed record Result(AuditChange Change, string? HistoryUrl);

    public sealed class Handler(LoyaltyDbContext db, RecordNames recordNames, IStringLocalizer<SharedResource> l)
    {
        /// <returns>Null when the tenant's log has no such entry.</returns>
        public async Task<Result?> HandleAsync(long id, CancellationToken cancellationToken)
        {
            var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Id == id)
                .Select(e => new AuditEntryRow(e.Id, e.OccurredAt, e.UserId, e.Actor, e.EntityType, e.EntityId, e.Action, e.Before, e.After))
                .SingleOrDefaultAsync(cancellationToken);
            if (entry is null)
            {
                return null;
            }
            var zone = await AuditLog.TenantZoneAsync(db, cancellationToken);
            var names = await recordNames.ResolveAsync(AuditFormatter.Wanted(entry), cancellationToken);
            var change = new AuditFormatter(l, zone, names).Format(entry);
            var history = AuditRecordTypes.Find(entry.EntityType).Subject is null
                ? null
                : $"/auditoria?EntityType={Uri.EscapeDataString(entry.EntityType)}&EntityId={Uri.EscapeDataString(entry.EntityId)}";
            return new Result(change, history);
        }
    }
}
