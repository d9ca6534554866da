using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards;

/// <summary>
/// A loyalty card. Under the tenant's "loyalty only" flow a card issued at the counter is Active at once; the credit flow
/// (06 → 07 → 09 → 01) arrives with the card life-cycle feature.
/// </summary>
public class Card : ITenantOwned, IAudited
{
    public const int NumberMaxLength = CardNumberRule.MaxLength;

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

    public static Card IssueActive(Guid customerId, string number, bool generated, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customerId,
        Number = number,
        Status = CardStatus.Active,
        WasGenerated = generated,
        IssuedAt = now,
    };

    public bool IsActive => Status == CardStatus.Active;

    /// <summary>The number as shown to roles that need not see it whole: the last four digits.</summary>
    /// <summary>How many last digits a masked number shows; they are what a search by a masked card types.</summary>
    public const int VisibleDigits = 4;

    public static string Mask(string number) =>
        number.Length <= VisibleDigits ? number : new string('•', number.Length - VisibleDigits) + number[^VisibleDigits..];

    public void EnsureUsable()
    {
        if (!IsActive)
        {
            throw new DomainException("Card.NotActive");
        }
    }
}
