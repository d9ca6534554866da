using Loyalty.Domain.Cards;
using Loyalty.Domain.Common;

namespace Loyalty.Domain.Campaigns;

/// <summary>
/// Prizes of a fixed campaign taken at the counter (SPEC §7, seed 001 "Manutenção de Campanha"): one debit of the
/// titular's account for all the lines. <see cref="RequestKey"/> is the counter form's one-time key, unique per tenant,
/// so a double submit finds the first redemption instead of making a second. Cancelling gives every point back.
/// <see cref="Number"/> and <see cref="CancellationNumber"/> are what people read (RES-…, CAN-…), allocated by the caller
/// in the transaction that saves them.
/// </summary>
public class Redemption : ITenantOwned, IAudited
{
    public const int NameMaxLength = 120;
    public const int ReasonMaxLength = 300;

    private readonly List<RedemptionLine> _lines = [];

    private Redemption()
    {
        RedeemedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public long Number { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid AccountId { get; private set; }
    public string? CardNumber { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid RequestKey { get; private set; }
    public long TotalPoints { get; private set; }
    public DateTimeOffset RedeemedAt { get; private set; }
    public string RedeemedBy { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelledBy { get; private set; }
    public string? CancellationReason { get; private set; }
    public long? CancellationNumber { get; private set; }

    public IReadOnlyCollection<RedemptionLine> Lines => _lines.AsReadOnly();

    public static Redemption Of(RedemptionHeader header, long number, IReadOnlyCollection<(Prize Prize, int Quantity)> lines, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        if (lines.Count == 0 || lines.Any(l => l.Quantity <= 0))
        {
            throw new DomainException("Redemption.NothingChosen");
        }
        var redemption = new Redemption
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            CampaignId = header.CampaignId,
            CustomerId = header.CustomerId,
            AccountId = header.AccountId,
            CardNumber = header.CardNumber,
            StoreId = header.StoreId,
            RequestKey = header.RequestKey,
            RedeemedAt = now,
            RedeemedBy = Guard.Text(header.By, NameMaxLength, "Redemption.ActorRequired"),
        };
        foreach (var (prize, quantity) in lines)
        {
            if (prize.CampaignId != header.CampaignId)
            {
                throw new DomainException("Redemption.PrizeNotInCampaign");
            }
            prize.Take(quantity);
            redemption._lines.Add(RedemptionLine.Of(redemption.Id, prize, quantity));
        }
        redemption.TotalPoints = redemption._lines.Sum(l => l.PointsEach * l.Quantity);
        return redemption;
    }

    /// <summary>A delivered prize returned (seed 001 "Cancelamentos de Resgates"): the prizes go back to the stock; the
    /// caller gives the points back to their lots.</summary>
    public void Cancel(string reason, string by, long number, IReadOnlyCollection<Prize> prizes, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        if (CancelledAt is not null)
        {
            throw new DomainException("Redemption.AlreadyCancelled");
        }
        CancellationReason = Guard.Text(reason, ReasonMaxLength, "Redemption.ReasonRequired");
        CancelledBy = Guard.Text(by, NameMaxLength, "Redemption.ActorRequired");
        CancelledAt = now;
        CancellationNumber = number;
        foreach (var line in _lines)
        {
            prizes.Single(p => p.Id == line.PrizeId).PutBack(line.Quantity);
        }
    }
}

public sealed record RedemptionHeader(Guid CampaignId, Guid CustomerId, Guid AccountId, string? CardNumber, Guid StoreId, Guid RequestKey, string By);

/// <summary>A prize and how many of it; the points are those the prize cost at that moment.</summary>
public class RedemptionLine : ITenantOwned
{
    private RedemptionLine()
    {
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid RedemptionId { get; private set; }
    public Guid PrizeId { get; private set; }
    public Guid ProductId { get; private set; }
    public int Quantity { get; private set; }
    public long PointsEach { get; private set; }

    public static RedemptionLine Of(Guid redemptionId, Prize prize, int quantity) => new()
    {
        RedemptionId = redemptionId, PrizeId = prize.Id, ProductId = prize.ProductId, Quantity = quantity, PointsEach = prize.PointsRequired,
    };
}

/// <summary>
/// Who may redeem what, where (SPEC §7): the points cover the total and the balance is positive, the customer (or their
/// titular) is not blocked, the card presented is active, the store takes part in the campaign now, and a dependent's
/// card redeems only when the titular allows "all associated cards". Answers every rule broken, as resource keys.
/// </summary>
public static class RedemptionRules
{
    public static IReadOnlyList<string> Broken(RedemptionCheck check)
    {
        var broken = new List<string>();
        if (!check.CampaignOpenAtStore)
        {
            broken.Add("Redemption.StoreNotParticipating");
        }
        if (check.Blocked)
        {
            broken.Add("Redemption.CustomerBlocked");
        }
        if (check.CardStatus is { } status && status != CardStatus.Active)
        {
            broken.Add("Redemption.CardNotActive");
        }
        if (check.IsDependent && !check.TitularAllowsAllCards)
        {
            broken.Add("Redemption.DependentNotAllowed");
        }
        if (check.Balance <= 0 || check.Points > check.Balance)
        {
            broken.Add("Redemption.InsufficientBalance");
        }
        return broken;
    }
}

public sealed record RedemptionCheck(
    bool CampaignOpenAtStore, bool Blocked, CardStatus? CardStatus, bool IsDependent, bool TitularAllowsAllCards, long Balance, long Points);
