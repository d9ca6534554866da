using Loyalty.Domain.Common;
using Loyalty.Domain.DailyClose;

namespace Loyalty.UnitTests.Domain.DailyClose;

public sealed class DailyCloseRunTests
{
    private static readonly DateOnly BusinessDate = new(2026, 11, 23);
    private static readonly DateTimeOffset Midnight = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Begin_Should_StartARunningFirstAttempt()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);

        Assert.Equal(BusinessDate, run.BusinessDate);
        Assert.Equal(DailyCloseStatus.Running, run.Status);
        Assert.Equal(DailyCloseTrigger.Schedule, run.Trigger);
        Assert.Equal(1, run.Attempts);
        Assert.Equal(Midnight, run.StartedAt);
        Assert.Null(run.FinishedAt);
        Assert.Null(run.DurationMs);
        Assert.Null(run.Error);
        Assert.Equal("[]", run.StepsJson);
    }

    [Fact]
    public void Complete_Should_RecordTheStepsAndTheDuration()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);

        run.Complete("[{\"name\":\"expire\"}]", Midnight.AddSeconds(2.5));

        Assert.Equal(DailyCloseStatus.Completed, run.Status);
        Assert.Equal(Midnight.AddSeconds(2.5), run.FinishedAt);
        Assert.Equal(2500, run.DurationMs);
        Assert.Equal("[{\"name\":\"expire\"}]", run.StepsJson);
        Assert.Null(run.Error);
    }

    [Fact]
    public void Fail_Should_RecordTheErrorAndTheDuration()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Manual, Midnight);

        run.Fail("[]", "expire: timeout", Midnight.AddMinutes(1));

        Assert.Equal(DailyCloseStatus.Failed, run.Status);
        Assert.Equal("expire: timeout", run.Error);
        Assert.Equal(60_000, run.DurationMs);
        Assert.Equal(Midnight.AddMinutes(1), run.FinishedAt);
    }

    [Fact]
    public void Fail_Should_CutTheErrorAt2000Characters()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Manual, Midnight);

        run.Fail("[]", new string('e', 5000), Midnight.AddSeconds(1));

        Assert.Equal(2000, run.Error!.Length);
    }

    [Fact]
    public void Retry_Should_StartANewAttempt_When_RunFailed()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.Fail("[]", "boom", Midnight.AddSeconds(1));

        run.Retry(DailyCloseTrigger.Manual, Midnight.AddHours(8));

        Assert.Equal(DailyCloseStatus.Running, run.Status);
        Assert.Equal(DailyCloseTrigger.Manual, run.Trigger);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(Midnight.AddHours(8), run.StartedAt);
        Assert.Null(run.FinishedAt);
        Assert.Null(run.DurationMs);
        Assert.Null(run.Error);
    }

    [Fact]
    public void Retry_Should_MeasureTheDurationFromTheNewStart()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.Fail("[]", "boom", Midnight.AddSeconds(1));
        run.Retry(DailyCloseTrigger.Manual, Midnight.AddHours(8));

        run.Complete("[]", Midnight.AddHours(8).AddMilliseconds(750));

        Assert.Equal(750, run.DurationMs);
        Assert.Equal(DailyCloseStatus.Completed, run.Status);
    }

    [Fact]
    public void Retry_Should_Refuse_When_RunIsCompleted()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.Complete("[]", Midnight.AddSeconds(1));

        var error = Assert.Throws<DomainException>(() => run.Retry(DailyCloseTrigger.Manual, Midnight.AddHours(1)));

        Assert.Equal("DailyClose.AlreadyCompleted", error.Code);
        Assert.Equal(DailyCloseStatus.Completed, run.Status);
        Assert.Equal(1, run.Attempts);
    }

    [Fact]
    public void Retry_Should_TakeOverARunLeftRunning_When_ItsWorkerDied()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);

        run.Retry(DailyCloseTrigger.Schedule, Midnight.AddHours(1));

        Assert.Equal(DailyCloseStatus.Running, run.Status);
        Assert.Equal(2, run.Attempts);
    }

    // A completed close must stay completed: a later Fail would make the runner retry it and repeat every step.
    [Fact]
    public void Fail_Should_Refuse_When_RunIsCompleted()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.Complete("[]", Midnight.AddSeconds(1));

        var error = Assert.Throws<DomainException>(() => run.Fail("[]", "late failure", Midnight.AddSeconds(2)));

        Assert.Equal("DailyClose.NotRunning", error.Code);
        Assert.Equal(DailyCloseStatus.Completed, run.Status);
        Assert.Null(run.Error);
    }

    [Fact]
    public void Complete_Should_Refuse_When_RunIsAlreadyCompleted()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.Complete("[]", Midnight.AddSeconds(1));

        var error = Assert.Throws<DomainException>(() => run.Complete("[]", Midnight.AddSeconds(9)));

        Assert.Equal("DailyClose.NotRunning", error.Code);
        Assert.Equal(1000, run.DurationMs);
    }

    [Fact]
    public void Complete_Should_Refuse_When_RunFailedAndWasNotRetried()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.Fail("[]", "boom", Midnight.AddSeconds(1));

        var error = Assert.Throws<DomainException>(() => run.Complete("[]", Midnight.AddSeconds(2)));

        Assert.Equal("DailyClose.NotRunning", error.Code);
        Assert.Equal(DailyCloseStatus.Failed, run.Status);
    }
}
