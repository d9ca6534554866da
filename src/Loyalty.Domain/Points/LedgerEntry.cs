using Loyalty.Domain.Common;

namespace Loyalty.Domain.Points;

/// <summary>
/// One change of a points balance, never updated or deleted (the database refuses it): accrual, redemption, redemption
/// cancellation, expiry, purchase cancellation, return or manual adjustment (SPEC §5). A balance is the sum of its
/// account's entries.
/// </summary>
public class LedgerEntry : ITenantOwned
{
    public const int ReasonMaxLength = 300;

    private LedgerEntry()
    {
        Actor = string.Empty;
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>The titular's account.</summary>
    public Guid AccountId { get; private set; }

    /// <summary>The customer whose operation it was (a dependent's purchase credits the titular's account).</summary>
    public Guid CustomerId { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    /// <summary>Signed: credits positive, debits negative.</summary>
    public long Points { get; private set; }

    /// <summary>The business time of the operation (the purchase's time for an accrual).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
    public Guid? PurchaseId { get; private set; }
    public Guid? RedemptionId { get; private set; }

    /// <summary>The lot an accrual opened.</summary>
    public Guid? LotId { get; private set; }

    public string? Reason { get; private set; }
    public Guid? UserId { get; private set; }
    public string Actor { get; private set; }

    public static LedgerEntry Record(
        PointsMovement movement, Guid customerId, DateTimeOffset occurredAt, DateTimeOffset recordedAt, LedgerSource source)
    {
        if (movement.Kind == LedgerEntryKind.ManualAdjustment && string.IsNullOrWhiteSpace(source.Reason))
        {
            throw new DomainException("Points.AdjustmentReasonRequired");
        }
        return new LedgerEntry
        {
            AccountId = source.AccountId,
            CustomerId = customerId,
            Kind = movement.Kind,
            Points = movement.Points,
            OccurredAt = occurredAt,
            RecordedAt = recordedAt,
            PurchaseId = source.PurchaseId,
            RedemptionId = source.RedemptionId,
            LotId = movement.OpenedLot?.Id,
            Reason = string.IsNullOrWhiteSpace(source.Reason) ? null : source.Reason.Trim()[..Math.Min(source.Reason.Trim().Length, ReasonMaxLength)],
            UserId = source.UserId,
            Actor = source.Actor,
        };
    }
}

/// <summary>Where an entry comes from: the account, the purchase or redemption, and who (or which job) made it.</summary>
public sealed record LedgerSource(Guid AccountId, string Actor, Guid? UserId = null, Guid? PurchaseId = null, Guid? RedemptionId = null, string? Reason = null);

/// <summary>How many points an entry took from or gave back to one lot; a cancelled redemption reads these to return
/// its points to the lots they came from. Append-only like the ledger.</summary>
public class LedgerLotMovement : ITenantOwned
{
    private LedgerLotMovement()
    {
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public long EntryId { get; private set; }

    /// <summary>Set when the movement is recorded with its (not yet saved) entry, so both are inserted together.</summary>
    public LedgerEntry? Entry { get; private set; }

    public Guid LotId { get; private set; }

    /// <summary>Signed like the entry: negative when points left the lot.</summary>
    public long Points { get; private set; }

    public static LedgerLotMovement For(LedgerEntry entry, PointsLot lot, long points) => new()
    {
        Entry = entry,
        LotId = lot.Id,
        Points = entry.Points < 0 ? -points : points,
    };
}
