using Loyalty.Domain.DailyClose;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.DailyClose;

public static class DailyCloseHistory
{
    public sealed record Row(DateOnly BusinessDate, DailyCloseStatus Status, DailyCloseTrigger Trigger, int Attempts,
        DateTimeOffset StartedAt, long? DurationMs, string StepsJson, string? Error);

    public sealed record Model(List<Row> Runs, DateOnly LastEndedBusinessDate, string TimeZoneId);

    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(CancellationToken cancellationToken)
        {
            var tenantId = db.Tenant.RequiredTenantId;
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
            var runs = await db.DailyCloseRuns.AsNoTracking().OrderByDescending(r => r.BusinessDate).Take(60)
                .Select(r => new Row(r.BusinessDate, r.Status, r.Trigger, r.Attempts, r.StartedAt, r.DurationMs, r.StepsJson, r.Error))
                .ToListAsync(cancellationToken);
            return new Model(runs, DailyCloseRunner.LastEndedBusinessDate(tenant.LocalDate(clock.GetUtcNow())), tenant.TimeZoneId);
        }
    }
}
