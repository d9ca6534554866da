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
/// The close of one business date of one tenant (SPEC §9). There is one row per tenant and date: a completed close is
/// never run again, a failed one may be retried and keeps counting its attempts.
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

    /// <summary>Each step's name, duration and outcome, as JSON, so new steps need no schema change.</summary>
    public string StepsJson { get; private set; }

    public string? Error { get; private set; }

    public static DailyCloseRun Begin(DateOnly businessDate, DailyCloseTrigger trigger, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        BusinessDate = businessDate,
        Status = DailyCloseStatus.Running,
        Trigger = trigger,
        Attempts = 1,
        StartedAt = now,
    };

    public void Retry(DailyCloseTrigger trigger, DateTimeOffset now)
    {
        if (Status == DailyCloseStatus.Completed)
        {
            throw new DomainException("DailyClose.AlreadyCompleted");
        }
        Status = DailyCloseStatus.Running;
        Trigger = trigger;
        Attempts++;
        StartedAt = now;
        FinishedAt = null;
        DurationMs = null;
        Error = null;
    }

    public void Complete(string stepsJson, DateTimeOffset now)
    {
        EnsureRunning();
        Status = DailyCloseStatus.Completed;
        StepsJson = stepsJson;
        Finish(now);
    }

    public void Fail(string stepsJson, string error, DateTimeOffset now)
    {
        EnsureRunning();
        Status = DailyCloseStatus.Failed;
        StepsJson = stepsJson;
        Error = error.Length > 2000 ? error[..2000] : error;
        Finish(now);
    }

    // Only a running attempt ends: failing a completed close would let the runner retry it and repeat its steps.
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
