using Loyalty.Domain.Common;
using Loyalty.Domain.DailyClose;

namespace Loyalty.UnitTests.Domain.DailyClose;

/// <summary>SPEC §9: a close is idempotent per tenant, business date and step.</summary>
public sealed class DailyCloseRunTests
{
    private static readonly DateOnly BusinessDate = new(2026, 11, 23);
    private static readonly DateTimeOffset Midnight = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    private static DailyCloseStep Done(string key, params long[] counts) =>
        DailyCloseStep.Done(key, 10, Midnight.AddSeconds(1), "Summary." + key, counts);

    [Fact]
    public void Begin_Should_StartARunningFirstAttemptWithNoSteps()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);

        Assert.Equal(BusinessDate, run.BusinessDate);
        Assert.Equal(DailyCloseStatus.Running, run.Status);
        Assert.Equal(DailyCloseTrigger.Schedule, run.Trigger);
        Assert.Equal(1, run.Attempts);
        Assert.Equal(Midnight, run.StartedAt);
        Assert.Null(run.FinishedAt);
        Assert.Null(run.Error);
        Assert.Empty(run.Steps);
    }

    [Fact]
    public void StepCompleted_Should_KeepTheStepsKeySummaryAndCounts()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);

        run.StepCompleted(Done("points-expiry", 1234, 56));

        var step = Assert.Single(run.Steps);
        Assert.Equal(("points-expiry", true, "Summary.points-expiry"), (step.Key, step.Succeeded, step.SummaryKey));
        Assert.Equal([1234L, 56L], step.Counts);
        Assert.True(run.HasCompleted("points-expiry"));
        Assert.False(run.HasCompleted("rfv"));
    }

    [Fact]
    public void Complete_Should_RecordTheDuration()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.StepCompleted(Done("points-expiry"));

        run.Complete(Midnight.AddSeconds(2.5));

        Assert.Equal(DailyCloseStatus.Completed, run.Status);
        Assert.Equal(Midnight.AddSeconds(2.5), run.FinishedAt);
        Assert.Equal(2500, run.DurationMs);
        Assert.Null(run.Error);
    }

    [Fact]
    public void StepFailed_Should_FailTheRunAndKeepTheStepsFinishedBeforeIt()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Manual, Midnight);
        run.StepCompleted(Done("points-expiry"));

        run.StepFailed(DailyCloseStep.Failed("rfv", 5, Midnight.AddMinutes(1), "timeout"), Midnight.AddMinutes(1));

        Assert.Equal(DailyCloseStatus.Failed, run.Status);
        Assert.Equal("timeout", run.Error);
        Assert.Equal(60_000, run.DurationMs);
        Assert.True(run.HasCompleted("points-expiry"));
        Assert.False(run.HasCompleted("rfv"));
    }

    [Fact]
    public void StepFailed_Should_CutTheErrorAt2000Characters()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Manual, Midnight);

        run.StepFailed(DailyCloseStep.Failed("rfv", 5, Midnight, new string('e', 5000)), Midnight.AddSeconds(1));

        Assert.Equal(2000, run.Error!.Length);
    }

    [Fact]
    public void Resume_Should_StartANewAttempt_When_RunFailed_And_ReplaceTheFailureOnceTheStepSucceeds()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.StepFailed(DailyCloseStep.Failed("rfv", 5, Midnight, "boom"), Midnight.AddSeconds(1));

        run.Resume(DailyCloseTrigger.Manual, Midnight.AddHours(8));
        run.StepCompleted(Done("rfv"));
        run.Complete(Midnight.AddHours(8).AddMilliseconds(750));

        Assert.Equal(DailyCloseStatus.Completed, run.Status);
        Assert.Equal(DailyCloseTrigger.Manual, run.Trigger);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(750, run.DurationMs);
        Assert.Null(run.Error);
        var step = Assert.Single(run.Steps);
        Assert.True(step.Succeeded);
    }

    [Fact]
    public void Resume_Should_ReopenACompletedRun_For_AStepAddedLater_KeepingTheFinishedSteps()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.StepCompleted(Done("points-expiry"));
        run.Complete(Midnight.AddSeconds(1));

        run.Resume(DailyCloseTrigger.CommandLine, Midnight.AddDays(3));
        run.StepCompleted(Done("card-expiry"));
        run.Complete(Midnight.AddDays(3).AddSeconds(1));

        Assert.Equal(["points-expiry", "card-expiry"], run.Steps.Select(s => s.Key));
        Assert.Equal(2, run.Attempts);
    }

    [Fact]
    public void A_Completed_Step_Is_Never_Recorded_Again()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.StepCompleted(Done("points-expiry", 10));

        var error = Assert.Throws<DomainException>(() => run.StepCompleted(Done("points-expiry", 99)));

        Assert.Equal("DailyClose.StepAlreadyCompleted", error.Code);
        Assert.Equal([10L], Assert.Single(run.Steps).Counts);
    }

    [Fact]
    public void Resume_Should_TakeOverARunLeftRunning_When_ItsWorkerDied()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);

        run.Resume(DailyCloseTrigger.Schedule, Midnight.AddHours(1));

        Assert.Equal(DailyCloseStatus.Running, run.Status);
        Assert.Equal(2, run.Attempts);
    }

    [Fact]
    public void Steps_Should_Not_Be_Recorded_And_A_Run_Not_End_When_It_Is_Not_Running()
    {
        var run = DailyCloseRun.Begin(BusinessDate, DailyCloseTrigger.Schedule, Midnight);
        run.Complete(Midnight.AddSeconds(1));

        Assert.Equal("DailyClose.NotRunning", Assert.Throws<DomainException>(() => run.StepCompleted(Done("rfv"))).Code);
        Assert.Equal("DailyClose.NotRunning", Assert.Throws<DomainException>(() =>
            run.StepFailed(DailyCloseStep.Failed("rfv", 1, Midnight, "late"), Midnight.AddSeconds(2))).Code);
        Assert.Equal("DailyClose.NotRunning", Assert.Throws<DomainException>(() => run.Complete(Midnight.AddSeconds(9))).Code);
        Assert.Equal(DailyCloseStatus.Completed, run.Status);
        Assert.Equal(1000, run.DurationMs);
    }
}
