using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards;

/// <summary>
/// A loyalty card and its life cycle (SPEC §8). Under the tenant's "loyalty only" flow a card issued at the counter is
/// Active at once; under "loyalty and credit" it walks 06 → credit analysis → 07 → embossing → 09 → receipt → 01.
/// Every transition is a method here: an illegal one throws before anything changes, a legal one changes the status and
/// appends one <see cref="CardHistoryEntry"/> (who, when, reason, observation), so the history never misses a step.
/// </summary>
public class Card : ITenantOwned, IAudited
{
    public const int NumberMaxLength = CardNumberRule.MaxLength;
    public const int DefaultValidityMonths = 60;
    public const int MaxValidityMonths = 240;

    /// <summary>How many last digits a masked number shows; they are what a search by a masked card types.</summary>
    public const int VisibleDigits = 4;

    private readonly List<CardHistoryEntry> _history = [];

    private Card()
    {
        Number = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Number { get; private set; }
    public CardStatus Status { get; private set; }
    public bool WasGenerated { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The last day the card is valid: the last day of the month <c>validity months</c> after the month of issue.</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>The embossing batch that issued the plastic (set by <see cref="IssuePlastic"/>).</summary>
    public Guid? EmbossingBatchId { get; private set; }

    /// <summary>The card this one replaced (a reissue), and the one that replaced it.</summary>
    public Guid? ReplacesCardId { get; private set; }
    public Guid? ReplacedByCardId { get; private set; }

    /// <summary>The transitions appended since the card was loaded (only these are saved; read the history from the table).</summary>
    public IReadOnlyCollection<CardHistoryEntry> History => _history.AsReadOnly();

    public bool IsActive => Status == CardStatus.Active;

    /// <summary>An expired card is treated like a not-active one until reissued (SPEC §8).</summary>
    public bool IsExpiredOn(DateOnly today) => today > ExpiresOn;

    /// <summary>Earns points and may be used at the counter: Active and not expired.</summary>
    public bool IsUsableOn(DateOnly today) => IsActive && !IsExpiredOn(today);

    /// <summary>The last day of the month <paramref name="validityMonths"/> after the month of <paramref name="issuedOn"/>.</summary>
    public static DateOnly ExpiryFor(DateOnly issuedOn, int validityMonths)
    {
        if (validityMonths is < 1 or > MaxValidityMonths)
        {
            throw new DomainException("Card.ValidityInvalid");
        }
        var month = new DateOnly(issuedOn.Year, issuedOn.Month, 1).AddMonths(validityMonths);
        return month.AddMonths(1).AddDays(-1);
    }

    /// <summary>
    /// A new card of a customer in its first status: Active (loyalty only), Registered (06, awaiting credit analysis) or
    /// CreditApproved (07, a customer of an agreement company, straight to embossing).
    /// </summary>
    public static Card Issue(Guid customerId, string number, bool generated, CardStatus initial, DateOnly issuedOn,
        int validityMonths, CardChange change)
    {
        if (initial is not (CardStatus.Active or CardStatus.Registered or CardStatus.CreditApproved))
        {
            throw new DomainException("Card.InitialStatusInvalid");
        }
        var card = new Card
        {
            Id = Guid.CreateVersion7(change.At),
            CustomerId = customerId,
            Number = number,
            Status = initial,
            WasGenerated = generated,
            IssuedAt = change.At,
            ExpiresOn = ExpiryFor(issuedOn, validityMonths),
        };
        card.Record(CardEvent.Issued, null, initial, change);
        return card;
    }

    public static string Mask(string number) =>
        number.Length <= VisibleDigits ? number : new string('•', number.Length - VisibleDigits) + number[^VisibleDigits..];

    public void EnsureUsable()
    {
        if (!IsActive)
        {
            throw new DomainException("Card.NotActive");
        }
    }

    /// <summary>Credit approved (06 or a re-analysed 08 → 07): the card waits for embossing.</summary>
    public void ApproveCredit(CardChange change) =>
        Move(CardEvent.CreditApproved, CardStatus.CreditApproved, change, CardStatus.Registered, CardStatus.CreditNotApproved);

    /// <summary>Credit not approved (06 → 08, or 08 → 08 when a re-analysis rejects again).</summary>
    public void RejectCredit(CardChange change) =>
        Move(CardEvent.CreditRejected, CardStatus.CreditNotApproved, change, CardStatus.Registered, CardStatus.CreditNotApproved);

    /// <summary>The plastic went to the embosser in a batch (07 → 09).</summary>
    public void IssuePlastic(Guid batchId, CardChange change)
    {
        Move(CardEvent.PlasticIssued, CardStatus.PlasticIssued, change, CardStatus.CreditApproved);
        EmbossingBatchId = batchId;
    }

    /// <summary>The plastic came back from the embosser and was checked (09 → 01).</summary>
    public void ConfirmReceipt(CardChange change) =>
        Move(CardEvent.ReceiptConfirmed, CardStatus.Active, change, CardStatus.PlasticIssued);

    public void BlockTemporarily(CardChange change) =>
        Move(CardEvent.Blocked, CardStatus.TemporarilyBlocked, change, CardStatus.Active);

    public void Unblock(CardChange change) =>
        Move(CardEvent.Unblocked, CardStatus.Active, change, CardStatus.TemporarilyBlocked);

    /// <summary>Cancels the card from any status; a cancelled card stays cancelled (it may still be reissued once).</summary>
    public void Cancel(CardChange change)
    {
        if (Status == CardStatus.Cancelled)
        {
            throw Refused(CardStatus.Cancelled);
        }
        Record(CardEvent.Cancelled, Status, CardStatus.Cancelled, change);
        Status = CardStatus.Cancelled;
    }

    /// <summary>
    /// Replaces the card (lost, stolen, damaged, expired): this one is cancelled (if it is not already) and a new card
    /// with <paramref name="newNumber"/> starts at 07, waiting for embossing, linked both ways to this one. A card is
    /// replaced at most once; its replacement is what gets reissued next.
    /// </summary>
    public Card Reissue(string newNumber, bool generated, DateOnly issuedOn, int validityMonths, CardChange change)
    {
        if (ReplacedByCardId is not null)
        {
            throw new DomainException("Card.AlreadyReissued");
        }
        if (newNumber == Number)
        {
            throw new DomainException("Card.NumberTaken");
        }
        var replacement = new Card
        {
            Id = Guid.CreateVersion7(change.At),
            TenantId = TenantId,
            CustomerId = CustomerId,
            Number = newNumber,
            Status = CardStatus.CreditApproved,
            WasGenerated = generated,
            IssuedAt = change.At,
            ExpiresOn = ExpiryFor(issuedOn, validityMonths),
            ReplacesCardId = Id,
        };
        replacement.Record(CardEvent.Issued, null, CardStatus.CreditApproved, change with { RelatedCardId = Id });
        Record(CardEvent.Reissued, Status, CardStatus.Cancelled, change with { RelatedCardId = replacement.Id });
        Status = CardStatus.Cancelled;
        ReplacedByCardId = replacement.Id;
        return replacement;
    }

    /// <summary>The statuses a transition leaves from; the screens offer an action only where the domain would take it.</summary>
    public bool Allows(CardEvent action) => action switch
    {
        CardEvent.CreditApproved or CardEvent.CreditRejected => Status is CardStatus.Registered or CardStatus.CreditNotApproved,
        CardEvent.PlasticIssued => Status == CardStatus.CreditApproved,
        CardEvent.ReceiptConfirmed => Status == CardStatus.PlasticIssued,
        CardEvent.Blocked => Status == CardStatus.Active,
        CardEvent.Unblocked => Status == CardStatus.TemporarilyBlocked,
        CardEvent.Cancelled => Status != CardStatus.Cancelled,
        CardEvent.Reissued => ReplacedByCardId is null,
        _ => false,
    };

    private void Move(CardEvent action, CardStatus to, CardChange change, params CardStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw Refused(to);
        }
        Record(action, Status, to, change);
        Status = to;
    }

    private DomainException Refused(CardStatus to) =>
        new("Card.TransitionRefused", $"{Status.Code()} → {to.Code()}") { Arguments = [Status.Code(), to.Code()] };

    private void Record(CardEvent action, CardStatus? from, CardStatus to, CardChange change) =>
        _history.Add(new CardHistoryEntry(this, action, from, to, change));
}
