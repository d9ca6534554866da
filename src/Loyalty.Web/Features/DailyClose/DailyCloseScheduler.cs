using Hangfire;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.DailyClose;

/// <summary>Recurring jobs per tenant: the daily close at midnight in the tenant's own time zone, closing the day that
/// just ended, and the hourly points expiry.</summary>
public sealed class DailyCloseScheduler(IRecurringJobManager jobs, TenantScopes scopes)
{
    public static string JobId(string tenantCode) => $"daily-close:{tenantCode}";

    public static string ExpiryJobId(string tenantCode) => $"points-expiry:{tenantCode}";

    public void Schedule(Tenant tenant)
    {
        jobs.AddOrUpdate<DailyCloseJob>(
            JobId(tenant.Code),
            job => job.RunScheduledAsync(tenant.Id, CancellationToken.None),
            Cron.Daily(0, 0),
            new RecurringJobOptions { TimeZone = tenant.TimeZone });
        jobs.AddOrUpdate<PointsExpiryJob>(
            ExpiryJobId(tenant.Code),
            job => job.RunAsync(tenant.Id, CancellationToken.None),
            Cron.Hourly(0),
            new RecurringJobOptions { TimeZone = tenant.TimeZone });
    }

    public async Task ScheduleAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.Platform();
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        foreach (var tenant in await db.Tenants.AsNoTracking().ToListAsync(cancellationToken))
        {
            Schedule(tenant);
        }
    }
}

/// <summary>At start-up, makes sure every tenant has its recurring close (tenants created while the app was down).</summary>
public sealed class DailyCloseScheduleSync(DailyCloseScheduler scheduler, IConfiguration configuration, ILogger<DailyCloseScheduleSync> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Jobs:ScheduleOnStart", true))
        {
            return;
        }
        try
        {
            await scheduler.ScheduleAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
        {
            // The app still serves pages; /health reports the database, and the next start schedules again.
            logger.LogError(ex, "Could not schedule the daily close jobs");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
