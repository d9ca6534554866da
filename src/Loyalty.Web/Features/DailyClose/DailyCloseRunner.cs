using System.Diagnostics;
using Loyalty.Domain.Common;
using Loyalty.Domain.DailyClose;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loyalty.Web.Features.DailyClose;

/// <summary>
/// Runs the daily close of the scope's tenant for one business date, step by step (SPEC §9). A PostgreSQL advisory
/// lock keyed by tenant and date makes concurrent callers (two job servers, a manual run during the scheduled one)
/// wait for each other; whoever comes second finds the steps completed and does nothing. Each step's completion is
/// saved as soon as it finishes, so a failure later on, a retry or a step added in a later release never redoes a
/// finished step. Scoped: resolve it from a tenant scope.
/// </summary>
public sealed class DailyCloseRunner(
    LoyaltyDbContext db,
    NpgsqlDataSource dataSource,
    IEnumerable<IDailyCloseStep> steps,
    TimeProvider clock,
    ILogger<DailyCloseRunner> logger)
{
    public async Task<DailyCloseRun> RunAsync(DateOnly? businessDate, DailyCloseTrigger trigger, CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        var lastEnded = LastEndedBusinessDate(tenant.LocalDate(clock.GetUtcNow()));
        var date = businessDate ?? lastEnded;
        // A day that has not ended would be closed with part of its sales, and then never again.
        if (date > lastEnded)
        {
            throw new DomainException("DailyClose.DateNotEnded");
        }
        var day = BusinessDay.Of(date, tenant.TimeZone);

        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = $"daily-close:{tenantId}:{date:yyyy-MM-dd}";
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(hashtextextended(@k, 0))", lockKey, cancellationToken);
        try
        {
            var run = await db.DailyCloseRuns.SingleOrDefaultAsync(r => r.BusinessDate == date, cancellationToken);
            var pending = steps.OrderBy(s => s.Order).Where(s => run?.HasCompleted(s.Key) != true).ToList();
            if (run is not null && pending.Count == 0 && run.Status == DailyCloseStatus.Completed)
            {
                logger.LogInformation("Daily close of {BusinessDate} already completed; nothing to do", date);
                return run;
            }
            if (run is null)
            {
                run = DailyCloseRun.Begin(date, trigger, clock.GetUtcNow());
                db.DailyCloseRuns.Add(run);
            }
            else
            {
                run.Resume(trigger, clock.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
            await RunStepsAsync(run, day, pending, cancellationToken);
            return run;
        }
        finally
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(hashtextextended(@k, 0))", lockKey, CancellationToken.None);
        }
    }

    /// <summary>The business day that ended most recently: yesterday in the tenant's zone.</summary>
    public static DateOnly LastEndedBusinessDate(DateOnly localToday) => localToday.AddDays(-1);

    private async Task RunStepsAsync(DailyCloseRun run, BusinessDay day, List<IDailyCloseStep> pending, CancellationToken cancellationToken)
    {
        foreach (var step in pending)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var summary = await step.RunAsync(day, cancellationToken);
                run.StepCompleted(DailyCloseStep.Done(step.Key, watch.ElapsedMilliseconds, clock.GetUtcNow(), summary.ResourceKey, summary.Counts));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Daily close step {Step} failed for {BusinessDate}", step.Key, run.BusinessDate);
                // The step's own changes may be half-tracked: forget them and record only the failure.
                db.ChangeTracker.Clear();
                db.Attach(run);
                run.StepFailed(DailyCloseStep.Failed(step.Key, watch.ElapsedMilliseconds, clock.GetUtcNow(), ex.Message), clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }
        }
        run.Complete(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Daily close of {BusinessDate} completed in {DurationMs} ms", run.BusinessDate, run.DurationMs);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("k", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
