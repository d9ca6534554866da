using System.Globalization;
using System.Net;
using Hangfire;
using Hangfire.Storage;
using Loyalty.Domain.Common;
using Loyalty.Domain.DailyClose;
using Loyalty.IntegrationTests.Customers;
using Loyalty.Testing;
using Loyalty.Web.Features.DailyClose;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Jobs;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Jobs;

public sealed class DailyCloseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Date = new(2026, 1, 31);

    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Close_Should_Run_Once_When_Run_Twice_For_The_Same_Date()
    {
        var t = await App.CreateTenantAsync("dc-a");

        var first = await RunAsync(t.Id, DailyCloseTrigger.Manual);
        var second = await RunAsync(t.Id, DailyCloseTrigger.Schedule);
        var runs = await RunsAsync(t.Id);

        Assert.Equal(DailyCloseStatus.Completed, first.Status);
        Assert.Equal(first.Id, second.Id);
        var run = Assert.Single(runs);
        Assert.Equal(Date, run.BusinessDate);
        Assert.Equal(DailyCloseStatus.Completed, run.Status);
        Assert.Equal(DailyCloseTrigger.Manual, run.Trigger);
        Assert.Equal(1, run.Attempts);
        Assert.NotNull(run.DurationMs);
    }

    [Fact]
    public async Task Close_Should_Run_Once_When_Two_Runs_Start_Together()
    {
        var t = await App.CreateTenantAsync("dc-b");

        var both = await Task.WhenAll(
            Task.Run(() => RunAsync(t.Id, DailyCloseTrigger.Schedule)),
            Task.Run(() => RunAsync(t.Id, DailyCloseTrigger.Manual)));
        var runs = await RunsAsync(t.Id);

        Assert.All(both, r => Assert.Equal(DailyCloseStatus.Completed, r.Status));
        var run = Assert.Single(runs);
        Assert.Equal(DailyCloseStatus.Completed, run.Status);
        Assert.Equal(1, run.Attempts);
    }

    [Fact]
    public async Task Close_Of_One_Tenant_Should_Not_Count_For_Another()
    {
        var a = await App.CreateTenantAsync("dc-c");
        var b = await App.CreateTenantAsync("dc-d");

        await RunAsync(a.Id, DailyCloseTrigger.Manual);

        Assert.Single(await RunsAsync(a.Id));
        Assert.Empty(await RunsAsync(b.Id));
    }

    [Fact]
    public async Task Tenant_Scoped_Job_Should_Throw_When_It_Has_No_Tenant()
    {
        var job = App.Services.GetRequiredService<DailyCloseJob>();

        await Assert.ThrowsAsync<TenantNotResolvedException>(() => job.RunScheduledAsync(Guid.Empty, CancellationToken.None));
        await Assert.ThrowsAsync<TenantNotResolvedException>(() =>
            job.RunOnDemandAsync(Guid.Empty, Date, DailyCloseTrigger.Manual, CancellationToken.None));
    }

    [Fact]
    public async Task Job_Should_Close_The_Tenant_Named_By_Its_Argument()
    {
        var t = await App.CreateTenantAsync("dc-e");

        await App.Services.GetRequiredService<DailyCloseJob>().RunOnDemandAsync(t.Id, Date, DailyCloseTrigger.Manual, CancellationToken.None);

        Assert.Equal(Date, Assert.Single(await RunsAsync(t.Id)).BusinessDate);
    }

    [Fact]
    public async Task Tenant_Creation_Should_Schedule_Its_Daily_Close_At_Local_Midnight()
    {
        var t = await App.CreateTenantAsync("dc-f");

        using var connection = App.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == DailyCloseScheduler.JobId(t.Code));

        Assert.Equal("0 0 * * *", job.Cron);
        Assert.Equal("America/Sao_Paulo", job.TimeZoneId);
        Assert.Equal(nameof(DailyCloseJob.RunScheduledAsync), job.Job.Method.Name);
        Assert.Equal(t.Id, job.Job.Args[0]);
    }

    [Fact]
    public async Task Run_Now_In_The_Screen_Should_Close_The_Last_Ended_Day_In_The_Background()
    {
        // Its own app with a job server, on its own database: the button only enqueues, the server does the work.
        await using var app = await LoyaltyAppFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "true",
            ["Jobs:WorkerCount"] = "1",
        });
        var t = await app.CreateTenantAsync("dc-g");
        using var admin = app.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var dayBefore = DailyCloseRunner.LastEndedBusinessDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime));

        var enqueued = await admin.PostFormFromPageAsync("/fechamento-diario", "/fechamento-diario/executar", new Dictionary<string, string>());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<DailyCloseRun> runs;
        do
        {
            runs = await app.InTenantAsync(t.Id, db => db.DailyCloseRuns.AsNoTracking().Where(r => r.Status == DailyCloseStatus.Completed).ToListAsync());
            if (runs.Count > 0 || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(250);
        }
        while (true);
        var dayAfter = DailyCloseRunner.LastEndedBusinessDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime));

        Assert.Equal(HttpStatusCode.Redirect, enqueued.StatusCode);
        var run = Assert.Single(runs);
        Assert.Contains(run.BusinessDate, new[] { dayBefore, dayAfter }); // the day may turn while the job waits
        Assert.Equal(DailyCloseTrigger.Manual, run.Trigger);
        Assert.Contains(run.BusinessDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), await admin.Http.GetStringAsync("/fechamento-diario"));
    }

    private async Task<DailyCloseRun> RunAsync(Guid tenantId, DailyCloseTrigger trigger)
    {
        await using var scope = App.TenantScope(tenantId);
        return await scope.ServiceProvider.GetRequiredService<DailyCloseRunner>().RunAsync(Date, trigger, CancellationToken.None);
    }

    private Task<List<DailyCloseRun>> RunsAsync(Guid tenantId) =>
        App.InTenantAsync(tenantId, db => db.DailyCloseRuns.AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_Date_That_Has_Not_Ended_In_The_Tenants_Zone_Is_Refused_And_Nothing_Is_Recorded()
    {
        var t = await App.CreateTenantAsync("dc-h");
        var today = TodayInSaoPaulo();

        foreach (var date in new[] { today, today.AddDays(1), new DateOnly(2099, 1, 1) })
        {
            await using var scope = App.TenantScope(t.Id);
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                scope.ServiceProvider.GetRequiredService<DailyCloseRunner>().RunAsync(date, DailyCloseTrigger.Manual, CancellationToken.None));
            Assert.Equal("DailyClose.DateNotEnded", refused.Code);
        }

        Assert.Empty(await RunsAsync(t.Id));
    }

    [Fact]
    public async Task The_Screen_Refuses_A_Date_That_Has_Not_Ended_Next_To_The_Field()
    {
        var t = await App.CreateTenantAsync("dc-i");
        using var admin = App.CreateStaffClient();
        await admin.SignInOrThrowAsync(t.Code, t.AdminEmail, TestData.Password);
        var today = TodayInSaoPaulo().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await admin.PostFormFromPageAsync("/fechamento-diario", "/fechamento-diario/executar",
            new Dictionary<string, string> { ["Form.BusinessDate"] = today });
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ainda não terminou", page.FieldError("Form_BusinessDate"), StringComparison.Ordinal);
        Assert.Equal(today, page.ValueOf("Form.BusinessDate"));
        Assert.Empty(await RunsAsync(t.Id));
    }

    [Fact]
    public async Task A_Step_Added_Later_Runs_For_A_Completed_Date_Without_Redoing_The_Others()
    {
        var t = await App.CreateTenantAsync("dc-j");
        var first = await RunAsync(t.Id, DailyCloseTrigger.Schedule);
        var expiryFinishedAt = first.Steps.Single(s => s.Key == PointsExpiryStep.StepKey).FinishedAt;
        var log = new StepLog();
        await using var later = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton(log);
            s.AddScoped<IDailyCloseStep>(sp => new LoggedStep("test-later", 90, sp.GetRequiredService<StepLog>()));
        }));

        var second = await RunAsync(later, t.Id);
        var third = await RunAsync(later, t.Id);

        Assert.Equal(DailyCloseStatus.Completed, second.Status);
        Assert.Equal([PointsExpiryStep.StepKey, Loyalty.Web.Features.Rfv.RfvClassificationStep.StepKey, "test-later"], second.Steps.Select(s => s.Key));
        Assert.Equal(expiryFinishedAt, second.Steps[0].FinishedAt);
        Assert.Equal(["test-later"], log.Runs);
        Assert.Equal(2, third.Attempts);
    }

    [Fact]
    public async Task A_Failed_Step_Is_Reported_And_Retried_Without_Redoing_The_Steps_Finished_Before_It()
    {
        var t = await App.CreateTenantAsync("dc-k");
        var log = new StepLog();
        await using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton(log);
            s.AddScoped<IDailyCloseStep>(sp => new LoggedStep("test-first", 20, sp.GetRequiredService<StepLog>()));
            s.AddScoped<IDailyCloseStep>(sp => new LoggedStep("test-flaky", 30, sp.GetRequiredService<StepLog>(), failFirst: true));
        }));

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(app, t.Id));
        var failed = Assert.Single(await RunsAsync(t.Id));
        var retried = await RunAsync(app, t.Id);

        Assert.Equal(DailyCloseStatus.Failed, failed.Status);
        Assert.Contains("test-flaky failed once", failed.Error, StringComparison.Ordinal);
        Assert.False(failed.Steps.Single(s => s.Key == "test-flaky").Succeeded);
        Assert.Equal(DailyCloseStatus.Completed, retried.Status);
        Assert.Equal(2, retried.Attempts);
        Assert.All(retried.Steps, s => Assert.True(s.Succeeded));
        Assert.Equal(["test-first", "test-flaky", "test-flaky"], log.Runs);
    }

    private static DateOnly TodayInSaoPaulo() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).DateTime);

    private static async Task<DailyCloseRun> RunAsync(WebApplicationFactory<Program> app, Guid tenantId)
    {
        await using var scope = app.Services.GetRequiredService<TenantScopes>().For(tenantId);
        return await scope.ServiceProvider.GetRequiredService<DailyCloseRunner>().RunAsync(Date, DailyCloseTrigger.Manual, CancellationToken.None);
    }

    private sealed class StepLog
    {
        public List<string> Runs { get; } = [];
    }

    private sealed class LoggedStep(string key, int order, StepLog log, bool failFirst = false) : IDailyCloseStep
    {
        public string Key => key;
        public int Order => order;

        public Task<DailyCloseStepSummary> RunAsync(BusinessDay day, CancellationToken cancellationToken)
        {
            lock (log)
            {
                log.Runs.Add(key);
                if (failFirst && log.Runs.Count(r => r == key) == 1)
                {
                    throw new InvalidOperationException($"{key} failed once");
                }
            }
            return Task.FromResult(new DailyCloseStepSummary("DailyClose.Summary.PointsExpiry", 0, 0));
        }
    }
}
