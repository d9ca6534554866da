using System.ComponentModel.DataAnnotations;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Audit;

/// <summary>Browse the tenant's audit log, newest first, a page at a time, filtered by what changed, who changed it and
/// when; each change reads as the business (<see cref="AuditFormatter"/>).</summary>
public static class AuditLog
{
    public const int PageSize = 25;

    public sealed class Query
    {
        [Display(Name = "Audit.EntityType")]
        public string? EntityType { get; set; }

        /// <summary>One record's history, reached from a change; shown by the record's name, never typed.</summary>
        public string? EntityId { get; set; }

        [Display(Name = "Audit.Actor")]
        public string? Actor { get; set; }

        [Display(Name = "Audit.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Audit.To")]
        public DateOnly? To { get; set; }

        public int Page { get; set; } = 1;
    }

    /// <param name="Types">The record types the log holds, as (stored name, label), for the filter.</param>
    /// <param name="Record">The record whose history is shown when <see cref="Query.EntityId"/> is set.</param>
    public sealed record Result(Query Query, List<AuditChange> Rows, int Total, int PageCount, List<(string Name, string Label)> Types,
        RecordName? Record);

    public sealed class Handler(LoyaltyDbContext db, RecordNames recordNames, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var zone = await TenantZoneAsync(db, cancellationToken);
            var entries = Filtered(query, zone);
            var total = await entries.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            query.Page = Math.Clamp(query.Page, 1, pageCount);
            var rows = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Skip((query.Page - 1) * PageSize).Take(PageSize)
                .Select(e => new AuditEntryRow(e.Id, e.OccurredAt, e.UserId, e.Actor, e.EntityType, e.EntityId, e.Action, e.Before, e.After))
                .ToListAsync(cancellationToken);
            var names = await recordNames.ResolveAsync(rows.SelectMany(AuditFormatter.Wanted), cancellationToken);
            var formatter = new AuditFormatter(l, zone, names);
            var changes = rows.Select(formatter.Format).ToList();
            var types = (await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().ToListAsync(cancellationToken))
                .Select(t => (t, l[AuditRecordTypes.Find(t).Label].Value)).OrderBy(t => t.Value, StringComparer.CurrentCulture).ToList();
            var record = string.IsNullOrWhiteSpace(query.EntityId) ? null : changes.Select(c => c.Subject).FirstOrDefault(s => s is not null);
            return new Result(query, changes, total, pageCount, types, record);
        }

        private IQueryable<Infrastructure.Auditing.AuditEntry> Filtered(Query query, TimeZoneInfo zone)
        {
            var entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.EntityType))
            {
                entries = entries.Where(e => e.EntityType == query.EntityType);
            }
            if (!string.IsNullOrWhiteSpace(query.EntityId))
            {
                // A new campaign rule is filed under its campaign ("Campaign:<id>"): the campaign's history includes it.
                var id = query.EntityId.Trim();
                var filed = new[] { id, $"{nameof(Domain.Campaigns.Campaign)}:{id}" };
                entries = entries.Where(e => filed.Contains(e.EntityId));
            }
            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                // People are shown by name and were logged by e-mail: either finds them.
                var actor = $"%{query.Actor.Trim()}%";
                entries = entries.Where(e => EF.Functions.ILike(e.Actor, actor)
                    || db.Users.Any(u => u.Id == e.UserId && EF.Functions.ILike(u.FullName, actor)));
            }
            if (Shared.ListBounds.Date(query.From) is { } from)
            {
                var start = StartOfDay(from, zone);
                entries = entries.Where(e => e.OccurredAt >= start);
            }
            if (Shared.ListBounds.Date(query.To) is { } to)
            {
                var end = StartOfDay(to.AddDays(1), zone);
                entries = entries.Where(e => e.OccurredAt < end);
            }
            return entries;
        }

        private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
        {
            var local = date.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }
    }

    public static async Task<TimeZoneInfo> TenantZoneAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        return (await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken)).TimeZone;
    }
}
