using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards;

/// <summary>
/// Who changes a card, when and why: the part of a transition the history keeps besides the statuses. The reason is one
/// of the tenant's card reasons (block, unblock, cancel, reissue); its text is copied so the history still reads after
/// the reason is renamed or removed.
/// </summary>
public sealed record CardChange
{
    public const int ByNameMaxLength = 200;
    public const int ReasonMaxLength = 100;
    public const int ObservationMaxLength = 500;

    public CardChange(DateTimeOffset at, Guid? byUserId, string byName, Guid? reasonId = null, string? reason = null,
        string? observation = null)
    {
        At = at;
        ByUserId = byUserId;
        ByName = Guard.Text(byName, ByNameMaxLength, "Card.ChangeByRequired");
        ReasonId = reasonId;
        Reason = Optional(reason, ReasonMaxLength, "Card.ReasonInvalid", multiline: false);
        Observation = Optional(observation, ObservationMaxLength, "Card.ObservationInvalid", multiline: true);
        if (reasonId is not null && Reason is null)
        {
            throw new DomainException("Card.ReasonInvalid");
        }
    }

    public DateTimeOffset At { get; init; }
    public Guid? ByUserId { get; init; }
    public string ByName { get; init; }
    public Guid? ReasonId { get; init; }
    public string? Reason { get; init; }
    public string? Observation { get; init; }

    /// <summary>The card on the other side of a reissue (set by <see cref="Card.Reissue"/>).</summary>
    public Guid? RelatedCardId { get; init; }

    private static string? Optional(string? value, int maxLength, string code, bool multiline)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > maxLength || !PlainText.IsClean(trimmed, multiline))
        {
            throw new DomainException(code);
        }
        return trimmed;
    }
}
