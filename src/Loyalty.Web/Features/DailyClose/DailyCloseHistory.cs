using Loyalty.Domain.DailyClose;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.DailyClose;

public static class DailyCloseHistory
{
    public sealed record Row(DateOnly BusinessDate, DailyCloseStatus Status, DailyCloseTrigger Trigger, int Attempts,
        DateTimeOffset StartedAt, long? DurationMs, IReadOnlyList<DailyCloseStep> Steps, string? Error);

    public sealed record Model(List<Row> Runs, DateOnly LastEndedBusinessDate, string TimeZoneId, RunForm Form);

    /// <summary>"Run now": the last ended day by default, or an earlier date to run the steps it has not completed.</summary>
    public sealed class RunForm
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "DailyClose.BusinessDate")]
        public DateOnly? BusinessDate { get; set; }
    }

    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(RunForm form, CancellationToken cancellationToken)
        {
            var tenantId = db.Tenant.RequiredTenantId;
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
            var runs = await db.DailyCloseRuns.AsNoTracking().OrderByDescending(r => r.BusinessDate).Take(60).ToListAsync(cancellationToken);
            var lastEnded = DailyCloseRunner.LastEndedBusinessDate(tenant.LocalDate(clock.GetUtcNow()));
            return new Model(
                runs.ConvertAll(r => new Row(r.BusinessDate, r.Status, r.Trigger, r.Attempts, r.StartedAt, r.DurationMs, r.Steps, r.Error)),
                lastEnded, tenant.TimeZoneId, form);
        }

        /// <summary>The same refusal as the runner's, before the job is queued, so it lands next to the field.</summary>
        public async Task<bool> HasEndedAsync(DateOnly date, CancellationToken cancellationToken)
        {
            var tenantId = db.Tenant.RequiredTenantId;
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
            return date <= DailyCloseRunner.LastEndedBusinessDate(tenant.LocalDate(clock.GetUtcNow()));
        }
    }
}
