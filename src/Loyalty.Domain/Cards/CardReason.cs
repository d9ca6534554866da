using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards;

/// <summary>The card operations a reason may be given for (SPEC §8 "each with a reason from a list").</summary>
[Flags]
public enum CardOperations
{
    None = 0,
    Block = 1,
    Unblock = 2,
    Cancel = 4,
    Reissue = 8,
}

/// <summary>
/// A reason from the tenant's list for blocking, unblocking, cancelling or reissuing a card. A reason in use by a card's
/// history is never deleted, only inactivated, so the history keeps naming it; an inactive reason is no longer offered.
/// </summary>
public class CardReason : ITenantOwned, IAudited
{
    public const int DescriptionMaxLength = 80;

    private CardReason()
    {
        Description = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Description { get; private set; }
    public CardOperations Operations { get; private set; }
    public bool IsActive { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static CardReason Create(string description, CardOperations operations, DateTimeOffset now)
    {
        var reason = new CardReason { Id = Guid.CreateVersion7(now), IsActive = true, CreatedAt = now };
        reason.Update(description, operations);
        return reason;
    }

    public void Update(string description, CardOperations operations)
    {
        Description = Guard.Text(description, DescriptionMaxLength, "CardReason.DescriptionRequired");
        Operations = ValidOperations(operations);
    }

    public void SetActive(bool active) => IsActive = active;

    public bool AppliesTo(CardOperations operation) => IsActive && (Operations & operation) == operation;

    private static CardOperations ValidOperations(CardOperations operations)
    {
        const CardOperations all = CardOperations.Block | CardOperations.Unblock | CardOperations.Cancel | CardOperations.Reissue;
        if (operations == CardOperations.None || (operations & ~all) != 0)
        {
            throw new DomainException("CardReason.OperationsRequired");
        }
        return operations;
    }

    /// <summary>The list a new tenant starts with (the admin edits it at "Motivos de cartão").</summary>
    public static IEnumerable<CardReason> Defaults(DateTimeOffset now) =>
    [
        Create("Perda ou roubo", CardOperations.Block | CardOperations.Cancel | CardOperations.Reissue, now),
        Create("Suspeita de fraude", CardOperations.Block | CardOperations.Cancel, now),
        Create("Solicitação do cliente", CardOperations.Block | CardOperations.Unblock | CardOperations.Cancel, now),
        Create("Cartão danificado", CardOperations.Reissue, now),
        Create("Cartão recuperado", CardOperations.Unblock, now),
        Create("Situação regularizada", CardOperations.Unblock, now),
    ];
}
