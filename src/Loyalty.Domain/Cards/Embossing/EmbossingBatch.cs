using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards.Embossing;

public enum EmbossingBatchStatus
{
    /// <summary>The file went to the embosser; the plastics (09) have not come back yet.</summary>
    InProgress = 1,

    /// <summary>The plastics came back and their receipt was confirmed: the batch's cards are Active.</summary>
    Delivered = 2,
}

/// <summary>
/// An embossing batch (SPEC §8): the approved cards sent to the embosser in one file, known by a short per-tenant
/// number. Created whole by the generation job, in the transaction that writes its file and moves its cards to 09.
/// </summary>
public class EmbossingBatch : ITenantOwned, IAudited
{
    /// <summary>How long the embosser takes to send the plastics back: the expected return date is this many days after
    /// the generation (a fixed rule for now; SPEC §8 asks for the date, not for a setting).</summary>
    public const int ReturnDays = 15;

    public const int FileNameMaxLength = 80;
    public const int ByNameMaxLength = 200;

    private EmbossingBatch()
    {
        FileName = string.Empty;
        GeneratedByName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public long Number { get; private set; }

    /// <summary>The request that asked for the batch: a retried or duplicated job finds its batch by it (unique).</summary>
    public Guid RequestKey { get; private set; }

    public EmbossingBatchStatus Status { get; private set; }
    public DateTimeOffset GeneratedAt { get; private set; }
    public Guid? GeneratedByUserId { get; private set; }
    public string GeneratedByName { get; private set; }
    public int CardCount { get; private set; }
    public DateOnly ExpectedReturnOn { get; private set; }
    public string FileName { get; private set; }
    public long FileSize { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public Guid? DeliveredByUserId { get; private set; }
    public string? DeliveredByName { get; private set; }
    public int DownloadCount { get; private set; }
    public DateTimeOffset? LastDownloadedAt { get; private set; }
    public string? LastDownloadedByName { get; private set; }

    public static EmbossingBatch Generated(Guid id, long number, Guid requestKey, DateTimeOffset at, DateOnly today,
        Guid? byUserId, string byName, int cardCount, string fileName, long fileSize) => new()
    {
        Id = id,
        Number = number,
        RequestKey = requestKey,
        Status = EmbossingBatchStatus.InProgress,
        GeneratedAt = at,
        GeneratedByUserId = byUserId,
        GeneratedByName = byName,
        CardCount = cardCount,
        ExpectedReturnOn = today.AddDays(ReturnDays),
        FileName = fileName,
        FileSize = fileSize,
    };

    /// <summary>The plastics came back (the cards themselves move 09 → 01 in the same transaction).</summary>
    public void ConfirmReceipt(DateTimeOffset at, Guid? byUserId, string byName)
    {
        if (Status != EmbossingBatchStatus.InProgress)
        {
            throw new DomainException("Embossing.AlreadyDelivered");
        }
        Status = EmbossingBatchStatus.Delivered;
        DeliveredAt = at;
        DeliveredByUserId = byUserId;
        DeliveredByName = byName;
    }

    /// <summary>The file carries every customer's card number and document: each download is recorded (and audited).</summary>
    public void RecordDownload(DateTimeOffset at, string byName)
    {
        DownloadCount++;
        LastDownloadedAt = at;
        LastDownloadedByName = byName;
    }
}
