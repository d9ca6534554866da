using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards.Embossing;

public enum EmbossingRequestStatus
{
    Queued = 1,
    Running = 2,
    Completed = 3,

    /// <summary>No approved card matched the filter any more when the job ran: no batch, nothing changed.</summary>
    NothingToEmboss = 4,

    /// <summary>The generation failed and was rolled back whole; the operator may ask again.</summary>
    Failed = 5,
}

/// <summary>
/// One "Gerar lote" click: the filter as it was, and the progress of the job that answers it. Its id is the idempotency
/// key the form carries, so a double submit, a retried or a duplicated job all lead to the same (single) batch.
/// Progress is written outside the generation's transaction so that the page sees it while the job runs.
/// </summary>
public sealed class EmbossingRequest : ITenantOwned
{
    private EmbossingRequest()
    {
        RequestedByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? RequestedByUserId { get; private set; }
    public string RequestedByName { get; private set; }
    public EmbossingFilter Filter { get; private set; } = new();
    public EmbossingRequestStatus Status { get; private set; }
    public int Total { get; private set; }
    public int Processed { get; private set; }
    public Guid? BatchId { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public static EmbossingRequest Queue(Guid key, EmbossingFilter filter, DateTimeOffset at, Guid? byUserId, string byName) => new()
    {
        Id = key,
        Filter = filter,
        RequestedAt = at,
        RequestedByUserId = byUserId,
        RequestedByName = byName,
        Status = EmbossingRequestStatus.Queued,
    };

    public bool IsFinished => Status is EmbossingRequestStatus.Completed or EmbossingRequestStatus.NothingToEmboss or EmbossingRequestStatus.Failed;
}
