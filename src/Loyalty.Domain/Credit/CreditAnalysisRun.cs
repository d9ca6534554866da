using Loyalty.Domain.Common;

namespace Loyalty.Domain.Credit;

public enum CreditAnalysisRunStatus
{
    Queued = 1,
    Running = 2,
    Completed = 3,

    /// <summary>The job stopped on an error; every customer it decided stays decided (one transaction each).</summary>
    Failed = 4,
}

/// <summary>
/// One "Analisar todos" click: decides by score every customer pending analysis (card 06). Its id is the key the form
/// carries, so a double submit or a duplicated job lead to the same run; the decisions it made carry its id
/// (<see cref="CreditDecision.RunId"/>), which is where the result page reads who was approved and rejected.
/// Counts are written outside the decisions' transactions so that the progress page sees them while the job runs.
/// </summary>
public sealed class CreditAnalysisRun : ITenantOwned
{
    public const int ByNameMaxLength = 256;

    private CreditAnalysisRun()
    {
        RequestedByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? RequestedByUserId { get; private set; }
    public string RequestedByName { get; private set; }
    public CreditAnalysisRunStatus Status { get; private set; }
    public int Total { get; private set; }
    public int Processed { get; private set; }
    public int Approved { get; private set; }
    public int Rejected { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Customers whose card had left 06 (decided by hand meanwhile) when their turn came.</summary>
    public int Skipped => Math.Max(0, Processed - Approved - Rejected);

    public bool IsFinished => Status is CreditAnalysisRunStatus.Completed or CreditAnalysisRunStatus.Failed;

    /// <param name="pending">How many customers were pending when the button was pressed: the run decides those (a
    /// customer registered afterwards waits for the next run), so one decided by hand meanwhile counts as skipped.</param>
    public static CreditAnalysisRun Queue(Guid key, DateTimeOffset at, Guid? byUserId, string byName, int pending) => new()
    {
        Id = key,
        Total = pending,
        RequestedAt = at,
        RequestedByUserId = byUserId,
        RequestedByName = byName.Length > ByNameMaxLength ? byName[..ByNameMaxLength] : byName,
        Status = CreditAnalysisRunStatus.Queued,
    };
}
