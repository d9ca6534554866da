using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards;

/// <summary>What happened to a card in the words of the card screens (seed 001).</summary>
public enum CardEvent
{
    Issued = 1,
    CreditApproved = 2,
    CreditRejected = 3,
    PlasticIssued = 4,
    ReceiptConfirmed = 5,
    Blocked = 6,
    Unblocked = 7,
    Cancelled = 8,
    Reissued = 9,
}

/// <summary>
/// One step of a card's life: the status it left (none for a card just issued), the status it reached, who, when, the
/// reason and the observation. Written only by <see cref="Card"/>'s transitions and never changed, so it is the card's
/// history itself rather than an audited record (the card's own status change is in the audit log).
/// </summary>
public class CardHistoryEntry : ITenantOwned
{
    private CardHistoryEntry()
    {
        ByName = string.Empty;
    }

    internal CardHistoryEntry(Card card, CardEvent action, CardStatus? from, CardStatus to, CardChange change)
    {
        Id = Guid.CreateVersion7(change.At);
        TenantId = card.TenantId;
        CardId = card.Id;
        Event = action;
        FromStatus = from;
        ToStatus = to;
        At = change.At;
        ByUserId = change.ByUserId;
        ByName = change.ByName;
        ReasonId = change.ReasonId;
        Reason = change.Reason;
        Observation = change.Observation;
        RelatedCardId = change.RelatedCardId;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid CardId { get; private set; }
    public CardEvent Event { get; private set; }
    public CardStatus? FromStatus { get; private set; }
    public CardStatus ToStatus { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ByUserId { get; private set; }
    public string ByName { get; private set; }
    public Guid? ReasonId { get; private set; }
    public string? Reason { get; private set; }
    public string? Observation { get; private set; }
    public Guid? RelatedCardId { get; private set; }
}
