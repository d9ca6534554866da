using Loyalty.Domain.Common;

namespace Loyalty.Domain.Points;

/// <summary>
/// The points of one titular (a dependent's purchases earn for the titular's account). The balance always equals the sum
/// of the account's ledger entries; the lots hold the positive part: when the balance is ≥ 0 the lots' remaining points
/// add up to it, and when a reversal took the balance below zero (points already spent) the lots are empty and the next
/// credits first pay that debt (SPEC §5).
/// </summary>
public class PointsAccount : ITenantOwned
{
    private PointsAccount()
    {
    }

    /// <summary>The titular customer's id.</summary>
    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }
    public long Balance { get; private set; }

    public static PointsAccount OpenFor(Guid titularId) => new() { Id = titularId };

    /// <summary>The account as a hand-written query read it under its row lock (elsewhere EF materialises it).</summary>
    public static PointsAccount Restore(Guid id, Guid tenantId, long balance) => new() { Id = id, TenantId = tenantId, Balance = balance };

    /// <summary>No redemption while the balance is not positive (a reversal may leave it negative).</summary>
    public bool CanRedeem(long points) => points > 0 && Balance > 0 && points <= Balance;

    /// <summary>Credits points and opens their lot; a debt left by a reversal is paid first.</summary>
    public PointsMovement Credit(LedgerEntryKind kind, long points, DateTimeOffset at, DateTimeOffset? expiresAt)
    {
        if (points <= 0)
        {
            throw new DomainException("Points.AmountMustBePositive");
        }
        var debt = Math.Max(0, -Balance);
        var lot = PointsLot.Open(Id, points, points - Math.Min(points, debt), at, expiresAt);
        Balance += points;
        return new PointsMovement(kind, points, lot, []);
    }

    /// <summary>Takes points for a redemption, first-expiring-first; refuses more than the balance.</summary>
    public PointsMovement Redeem(long points, IEnumerable<PointsLot> openLots, DateTimeOffset at)
    {
        if (!CanRedeem(points))
        {
            throw new DomainException("Points.InsufficientBalance");
        }
        return Debit(LedgerEntryKind.Redemption, points, openLots, at, allowDebt: false);
    }

    /// <summary>
    /// Reverses points (purchase cancellation, return, negative manual adjustment): from the given lots first (the
    /// purchase's own lot), then first-expiring-first; what was already spent leaves the balance negative.
    /// </summary>
    public PointsMovement Reverse(LedgerEntryKind kind, long points, IEnumerable<PointsLot> preferredLots, IEnumerable<PointsLot> openLots, DateTimeOffset at)
    {
        var preferred = preferredLots.ToList();
        var ordered = preferred.Concat(PointsLot.FirstExpiringFirst(openLots.Where(l => preferred.All(p => p.Id != l.Id))));
        return Debit(kind, points, ordered, at, allowDebt: true, keepOrder: true);
    }

    /// <summary>Gives back to their lots the points a cancelled redemption took (expired lots included: the expiry job
    /// will expire them again at its next run). Like a credit, it pays a debt left by a reversal first: the lots get
    /// back only what lifts the balance above zero, the latest-expiring lot first.</summary>
    public PointsMovement GiveBack(IReadOnlyList<(PointsLot Lot, long Points)> consumptions)
    {
        var total = consumptions.Sum(c => c.Points);
        if (total <= 0 || consumptions.Any(c => c.Points <= 0))
        {
            throw new DomainException("Points.AmountMustBePositive");
        }
        var toLots = total - Math.Min(total, Math.Max(0, -Balance));
        var givenBack = new List<(PointsLot, long)>();
        foreach (var (lot, points) in consumptions.Reverse())
        {
            var back = Math.Min(points, toLots);
            if (back == 0)
            {
                break;
            }
            lot.GiveBack(back);
            givenBack.Insert(0, (lot, back));
            toLots -= back;
        }
        Balance += total;
        return new PointsMovement(LedgerEntryKind.RedemptionCancellation, total, null, givenBack);
    }

    /// <summary>
    /// A TenantAdmin's manual adjustment (SPEC §5): a positive one is a credit with its own lot; a negative one takes
    /// points first-expiring-first and may not take the balance below zero (unlike a reversal, nothing was spent here).
    /// </summary>
    public PointsMovement Adjust(long points, IEnumerable<PointsLot> openLots, DateTimeOffset at, DateTimeOffset? expiresAt)
    {
        if (points == 0)
        {
            throw new DomainException("Points.AdjustmentZero");
        }
        if (points > 0)
        {
            return Credit(LedgerEntryKind.ManualAdjustment, points, at, expiresAt);
        }
        if (-points > Balance)
        {
            throw new DomainException("Points.AdjustmentExceedsBalance");
        }
        return Debit(LedgerEntryKind.ManualAdjustment, -points, openLots, at, allowDebt: false);
    }

    /// <summary>Expires what is left of a lot whose expiry has passed; nothing when it is already empty.</summary>
    public PointsMovement? Expire(PointsLot lot, DateTimeOffset now)
    {
        if (lot.AccountId != Id || !lot.IsExpiredAt(now) || lot.Remaining == 0)
        {
            return null;
        }
        var points = lot.Take(lot.Remaining);
        Balance -= points;
        return new PointsMovement(LedgerEntryKind.Expiry, -points, null, [(lot, points)]);
    }

    private PointsMovement Debit(LedgerEntryKind kind, long points, IEnumerable<PointsLot> lots, DateTimeOffset at, bool allowDebt, bool keepOrder = false)
    {
        if (points <= 0)
        {
            throw new DomainException("Points.AmountMustBePositive");
        }
        var usable = (keepOrder ? lots : PointsLot.FirstExpiringFirst(lots))
            .Where(l => l.AccountId == Id && !l.IsExpiredAt(at) && l.Remaining > 0).ToList();
        // Checked before touching any lot, so a refused debit leaves every lot as it was.
        if (!allowDebt && usable.Sum(l => l.Remaining) < points)
        {
            throw new DomainException("Points.InsufficientBalance");
        }
        var consumptions = new List<(PointsLot, long)>();
        var wanted = points;
        foreach (var lot in usable.TakeWhile(_ => wanted > 0))
        {
            var taken = lot.Take(wanted);
            consumptions.Add((lot, taken));
            wanted -= taken;
        }
        Balance -= points;
        return new PointsMovement(kind, -points, null, consumptions);
    }
}

/// <summary>The outcome of one change: the ledger entry's signed points, the lot it opened, and the lots it touched.</summary>
public sealed record PointsMovement(LedgerEntryKind Kind, long Points, PointsLot? OpenedLot, IReadOnlyList<(PointsLot Lot, long Points)> Lots);
