using Loyalty.Domain.Common;

namespace Loyalty.Domain.Points;

/// <summary>
/// What is left of one credit of points, with its expiry (SPEC §5). Debits consume lots first-expiring-first; a
/// cancelled redemption gives its points back to the lots they came from; the expiry job turns what is left of an
/// expired lot into an expiry entry.
/// </summary>
public class PointsLot : ITenantOwned
{
    private PointsLot()
    {
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid AccountId { get; private set; }
    public long Points { get; private set; }
    public long Remaining { get; private set; }
    public DateTimeOffset CreditedAt { get; private set; }

    /// <summary>Null: these points never expire (category without validity).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public static PointsLot Open(Guid accountId, long points, long remaining, DateTimeOffset creditedAt, DateTimeOffset? expiresAt)
    {
        if (points <= 0 || remaining < 0 || remaining > points)
        {
            throw new DomainException("Points.LotInvalid");
        }
        return new PointsLot
        {
            Id = Guid.CreateVersion7(creditedAt),
            AccountId = accountId,
            Points = points,
            Remaining = remaining,
            CreditedAt = creditedAt,
            ExpiresAt = expiresAt,
        };
    }

    public bool IsExpiredAt(DateTimeOffset instant) => ExpiresAt is { } at && at <= instant;

    internal long Take(long wanted)
    {
        var taken = Math.Min(wanted, Remaining);
        Remaining -= taken;
        return taken;
    }

    internal void GiveBack(long points)
    {
        if (points <= 0 || Remaining + points > Points)
        {
            throw new DomainException("Points.LotInvalid");
        }
        Remaining += points;
    }

    /// <summary>The order in which debits consume lots: soonest expiry first, never-expiring last, then oldest credit.</summary>
    public static IOrderedEnumerable<PointsLot> FirstExpiringFirst(IEnumerable<PointsLot> lots) =>
        lots.OrderBy(l => l.ExpiresAt is null).ThenBy(l => l.ExpiresAt).ThenBy(l => l.CreditedAt).ThenBy(l => l.Id);
}
