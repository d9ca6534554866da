using Loyalty.Domain.Common;

namespace Loyalty.Domain.DailyClose;

public enum DailyCloseStatus
{
    Running = 1,
    Completed = 2,
    Failed = 3,
}

public enum DailyCloseTrigger
{
    Schedule = 1,
    Manual = 2,
    CommandLine = 3,
    Api = 4,
}

/// <summary>
/// The close of one business date of one tenant (SPEC §9). There is one row per tenant and date, and it records each
/// step's completion: a failed close resumes with the steps not yet done, and a close completed before a step existed
/// runs just that step when asked again — a finished step is never repeated.
/// </summary>
public class DailyCloseRun : ITenantOwned
{
    private DailyCloseRun()
    {
        StepsJson = "[]";
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public DateOnly BusinessDate { get; private set; }
    public DailyCloseStatus Status { get; private set; }
    public DailyCloseTrigger Trigger { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public long? DurationMs { get; private set; }

    /// <summary>The steps' records (<see cref="DailyCloseStep"/>) as JSON, so new steps need no schema change.</summary>
    public string StepsJson { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<DailyCloseStep> Steps => DailyCloseStepsJson.Read(StepsJson);

    public bool HasCompleted(string stepKey) => Steps.Any(s => s.Key == stepKey && s.Succeeded);

    public static DailyCloseRun Begin(DateOnly businessDate, DailyCloseTrigger trigger, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        BusinessDate = businessDate,
        Status = DailyCloseStatus.Running,
        Trigger = trigger,
        Attempts = 1,
        StartedAt = now,
    };

    /// <summary>A new attempt: after a failure, after a worker died mid-run, or for a step added since the close
    /// completed. The steps already completed stay completed.</summary>
    public void Resume(DailyCloseTrigger trigger, DateTimeOffset now)
    {
        Status = DailyCloseStatus.Running;
        Trigger = trigger;
        Attempts++;
        StartedAt = now;
        FinishedAt = null;
        DurationMs = null;
        Error = null;
    }

    public void StepCompleted(DailyCloseStep step)
    {
        EnsureRunning();
        if (!step.Succeeded)
        {
            throw new ArgumentException("A completed step must have succeeded.", nameof(step));
        }
        Record(step);
    }

    public void StepFailed(DailyCloseStep step, DateTimeOffset now)
    {
        EnsureRunning();
        Record(step);
        Status = DailyCloseStatus.Failed;
        Error = step.Error;
        Finish(now);
    }

    public void Complete(DateTimeOffset now)
    {
        EnsureRunning();
        Status = DailyCloseStatus.Completed;
        Finish(now);
    }

    // A step's latest outcome replaces an earlier failure of the same step; completed steps are never run again.
    private void Record(DailyCloseStep step)
    {
        if (HasCompleted(step.Key))
        {
            throw new DomainException("DailyClose.StepAlreadyCompleted");
        }
        StepsJson = DailyCloseStepsJson.Write(Steps.Where(s => s.Key != step.Key).Append(step));
    }

    // Only a running attempt records steps or ends: failing a completed close would make it look undone.
    private void EnsureRunning()
    {
        if (Status != DailyCloseStatus.Running)
        {
            throw new DomainException("DailyClose.NotRunning");
        }
    }

    private void Finish(DateTimeOffset now)
    {
        FinishedAt = now;
        DurationMs = (long)(now - StartedAt).TotalMilliseconds;
    }
}
