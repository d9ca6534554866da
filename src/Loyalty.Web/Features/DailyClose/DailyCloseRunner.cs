using System.Diagnostics;
using System.Text.Json;
using Loyalty.Domain.DailyClose;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loyalty.Web.Features.DailyClose;

/// <summary>
/// Runs the daily close of the scope's tenant for one business date. A PostgreSQL advisory lock keyed by tenant and date
/// makes concurrent callers (two job servers, a manual run during the scheduled one) wait for each other; whoever comes
/// second finds the run completed and does nothing. Scoped: resolve it from a tenant scope.
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
        var date = businessDate ?? LastEndedBusinessDate(tenant.LocalDate(clock.GetUtcNow()));

        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = $"daily-close:{tenantId}:{date:yyyy-MM-dd}";
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(hashtextextended(@k, 0))", lockKey, cancellationToken);
        try
        {
            var run = await db.DailyCloseRuns.SingleOrDefaultAsync(r => r.BusinessDate == date, cancellationToken);
            if (run?.Status == DailyCloseStatus.Completed)
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
                run.Retry(trigger, clock.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
            await RunStepsAsync(run, cancellationToken);
            return run;
        }
        finally
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(hashtextextended(@k, 0))", lockKey, CancellationToken.None);
        }
    }

    /// <summary>The business day that ended most recently: yesterday in the tenant's zone.</summary>
    public static DateOnly LastEndedBusinessDate(DateOnly localToday) => localToday.AddDays(-1);

    private async Task RunStepsAsync(DailyCloseRun run, CancellationToken cancellationToken)
    {
        var results = new List<StepResult>();
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var summary = await step.RunAsync(run.BusinessDate, cancellationToken);
                results.Add(new StepResult(step.Name, watch.ElapsedMilliseconds, true, summary));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Daily close step {Step} failed for {BusinessDate}", step.Name, run.BusinessDate);
                results.Add(new StepResult(step.Name, watch.ElapsedMilliseconds, false, ex.Message));
                db.ChangeTracker.Clear();
                db.Attach(run);
                run.Fail(JsonSerializer.Serialize(results), $"{step.Name}: {ex.Message}", clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }
        }
        run.Complete(JsonSerializer.Serialize(results), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Daily close of {BusinessDate} completed in {DurationMs} ms", run.BusinessDate, run.DurationMs);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("k", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public sealed record StepResult(string Name, long DurationMs, bool Succeeded, string Summary);
}
