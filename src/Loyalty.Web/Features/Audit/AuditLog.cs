using System.ComponentModel.DataAnnotations;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Audit;

/// <summary>Browse the tenant's audit log, newest first, filtered by what changed, who changed it and when.</summary>
public static class AuditLog
{
    public const int PageSize = 50;

    public sealed class Query
    {
        [Display(Name = "Audit.EntityType")]
        public string? EntityType { get; set; }

        [Display(Name = "Audit.EntityId")]
        public string? EntityId { get; set; }

        [Display(Name = "Audit.Actor")]
        public string? Actor { get; set; }

        [Display(Name = "Audit.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Audit.To")]
        public DateOnly? To { get; set; }

        public int Page { get; set; } = 1;
    }

    public sealed record Row(long Id, DateTimeOffset OccurredAt, string Actor, string EntityType, string EntityId,
        AuditAction Action, string? Before, string? After);

    public sealed record Result(Query Query, List<Row> Rows, bool HasNext, List<string> EntityTypes);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            query.Page = Math.Max(1, query.Page);
            var tenantId = db.Tenant.RequiredTenantId;
            var zone = (await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken)).TimeZone;
            var entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.EntityType))
            {
                entries = entries.Where(e => e.EntityType == query.EntityType);
            }
            if (!string.IsNullOrWhiteSpace(query.EntityId))
            {
                entries = entries.Where(e => e.EntityId == query.EntityId.Trim());
            }
            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                var actor = $"%{query.Actor.Trim()}%";
                entries = entries.Where(e => EF.Functions.ILike(e.Actor, actor));
            }
            if (query.From is { } from)
            {
                var start = StartOfDay(from, zone);
                entries = entries.Where(e => e.OccurredAt >= start);
            }
            if (query.To is { } to)
            {
                var end = StartOfDay(to.AddDays(1), zone);
                entries = entries.Where(e => e.OccurredAt < end);
            }
            var rows = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Skip((query.Page - 1) * PageSize).Take(PageSize + 1)
                .Select(e => new Row(e.Id, e.OccurredAt, e.Actor, e.EntityType, e.EntityId, e.Action, e.Before, e.After))
                .ToListAsync(cancellationToken);
            var types = await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t)
                .ToListAsync(cancellationToken);
            return new Result(query, [.. rows.Take(PageSize)], rows.Count > PageSize, types);
        }

        private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
        {
            var local = date.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }
    }
}
