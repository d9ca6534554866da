using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards.Embossing;

/// <summary>
/// A card of a batch, at its line of the file. Conference (seed 001) marks each plastic that came back as checked; a
/// checked card leaves the batch's list of cards still to check.
/// </summary>
public class EmbossingBatchCard : ITenantOwned, IAudited
{
    private EmbossingBatchCard()
    {
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid BatchId { get; private set; }
    public Guid CardId { get; private set; }
    public int Line { get; private set; }
    public DateTimeOffset? CheckedAt { get; private set; }
    public string? CheckedByName { get; private set; }

    public bool IsChecked => CheckedAt is not null;

    public void Check(DateTimeOffset at, string byName)
    {
        if (IsChecked)
        {
            throw new DomainException("Embossing.AlreadyChecked");
        }
        CheckedAt = at;
        CheckedByName = byName;
    }
}
