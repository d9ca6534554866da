using Loyalty.Domain.Common;

namespace Loyalty.Domain.Purchases;

/// <summary>
/// A purchase from a store's POS (SPEC §5, §10), unique per store + POS + coupon. It keeps the hash of the request and
/// the answer given, so a repeated request is answered the same and a different one is refused. It tracks the points it
/// earned and reversed, so a cancellation or a return never reverses more than was credited.
/// </summary>
public class Purchase : ITenantOwned
{
    public const int PosNumberMaxLength = 20;
    public const int CouponNumberMaxLength = 30;
    public const int HashLength = 64;
    public const int ReasonMaxLength = 300;

    private readonly List<PurchaseItem> _items = [];
    private readonly List<PurchasePayment> _payments = [];

    private Purchase()
    {
        PosNumber = string.Empty;
        CouponNumber = string.Empty;
        RequestHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid StoreId { get; private set; }
    public string PosNumber { get; private set; }
    public string CouponNumber { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public PurchaseOrigin Origin { get; private set; }
    public Guid CustomerId { get; private set; }
    public string? CardNumber { get; private set; }
    public decimal TotalAmount { get; private set; }
    public decimal ReturnedAmount { get; private set; }

    /// <summary>What the purchase earned (after the multiplier), whether credited or waiting.</summary>
    public long PointsEarned { get; private set; }

    public PointsStatus PointsStatus { get; private set; }

    /// <summary>Comma-separated <see cref="AuditReason"/> codes of a purchase that went to the audit queue.</summary>
    public string? AuditReasons { get; private set; }

    public string? RejectionReason { get; private set; }
    public DateTimeOffset? AuditedAt { get; private set; }

    /// <summary>Points taken back by returns and by the cancellation.</summary>
    public long PointsReversed { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }
    public long? CancellationPointsReversed { get; private set; }
    public string RequestHash { get; private set; }

    /// <summary>The JSON answered to the POS the first time, answered again to a replay.</summary>
    public string? Response { get; private set; }

    public IReadOnlyCollection<PurchaseItem> Items => _items.AsReadOnly();
    public IReadOnlyCollection<PurchasePayment> Payments => _payments.AsReadOnly();

    public static Purchase Record(PurchaseHeader header, IEnumerable<PurchaseItem> items, IEnumerable<PurchasePayment> payments, DateTimeOffset now,
        PurchaseOrigin origin = PurchaseOrigin.Pos)
    {
        var purchase = new Purchase
        {
            Id = Guid.CreateVersion7(now),
            StoreId = header.StoreId,
            PosNumber = Guard.Text(header.PosNumber, PosNumberMaxLength, "Purchase.PosNumberRequired"),
            CouponNumber = Guard.Text(header.CouponNumber, CouponNumberMaxLength, "Purchase.CouponNumberRequired"),
            OccurredAt = header.OccurredAt.ToUniversalTime(),
            RecordedAt = now,
            Origin = origin,
            CustomerId = header.CustomerId,
            CardNumber = header.CardNumber,
            TotalAmount = header.TotalAmount,
            RequestHash = header.RequestHash,
        };
        purchase._items.AddRange(items);
        purchase._payments.AddRange(payments);
        if (purchase._items.Count == 0 || purchase._items.Sum(i => i.TotalPrice) != purchase.TotalAmount
            || purchase._payments.Sum(p => p.Amount) != purchase.TotalAmount || purchase.TotalAmount <= 0)
        {
            throw new DomainException("Purchase.TotalsDoNotAddUp");
        }
        if (!PurchaseBounds.AmountWithin(purchase.TotalAmount))
        {
            throw new DomainException("Purchase.AmountAboveBound");
        }
        return purchase;
    }

    public void Earn(long points, PointsStatus status, IReadOnlyList<string> reasons)
    {
        if (points < 0 || (status == PointsStatus.None) != (points == 0) || status == PointsStatus.Rejected)
        {
            throw new DomainException("Purchase.EarningInvalid");
        }
        if (!PurchaseBounds.PointsWithin(points))
        {
            throw new DomainException(PurchaseBounds.PointsAboveBoundCode);
        }
        PointsEarned = points;
        PointsStatus = status;
        AuditReasons = reasons.Count == 0 ? null : string.Join(',', reasons);
    }

    public void Answer(string response) => Response = response;

    /// <summary>Approves a waiting accrual: the points still due (what returns did not take back) are to be credited.</summary>
    public long Approve(DateTimeOffset now)
    {
        EnsurePending();
        PointsStatus = PointsStatus.Credited;
        AuditedAt = now;
        return PointsEarned - PointsReversed;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        EnsurePending();
        RejectionReason = Guard.Text(reason, ReasonMaxLength, "Purchase.RejectionReasonRequired");
        PointsStatus = PointsStatus.Rejected;
        AuditedAt = now;
    }

    /// <summary>Voids the coupon; answers the points to take back from the ledger (none if they were never credited).
    /// A waiting accrual leaves the queue as rejected.</summary>
    public long Cancel(DateTimeOffset now)
    {
        if (CancelledAt is not null)
        {
            throw new DomainException("Purchase.AlreadyCancelled");
        }
        CancelledAt = now;
        var reversed = 0L;
        if (PointsStatus == PointsStatus.Credited)
        {
            reversed = PointsEarned - PointsReversed;
            PointsReversed = PointsEarned;
        }
        else if (PointsStatus == PointsStatus.PendingAudit)
        {
            PointsStatus = PointsStatus.Rejected;
            RejectionReason = "Purchase.Cancelled";
            AuditedAt = now;
        }
        CancellationPointsReversed = reversed;
        return reversed;
    }

    /// <summary>
    /// A partial return (SPEC §5): the points reversed so far follow the returned share of the total rounded down, so
    /// the returns never reverse more than was earned; the return that completes the total reverses exactly what is left.
    /// Answers the points this return takes back from the ledger (none while the accrual waits for audit: approval then
    /// credits only what is still due).
    /// </summary>
    public long Return(decimal amount)
    {
        if (CancelledAt is not null)
        {
            throw new DomainException("Purchase.Cancelled");
        }
        if (amount <= 0)
        {
            throw new DomainException("Purchase.ReturnAmountInvalid");
        }
        if (ReturnedAmount + amount > TotalAmount)
        {
            throw new DomainException("Purchase.ReturnExceedsTotal");
        }
        ReturnedAmount += amount;
        if (PointsStatus is not (PointsStatus.Credited or PointsStatus.PendingAudit))
        {
            return 0;
        }
        var due = ReturnedAmount == TotalAmount ? PointsEarned : (long)decimal.Floor(PointsEarned * ReturnedAmount / TotalAmount);
        var now = due - PointsReversed;
        PointsReversed = due;
        return PointsStatus == PointsStatus.Credited ? now : 0;
    }

    private void EnsurePending()
    {
        if (PointsStatus != PointsStatus.PendingAudit)
        {
            throw new DomainException("Purchase.NotPendingAudit");
        }
    }
}

/// <summary>The parts of a purchase that come from the request and the customer it resolved to.</summary>
public sealed record PurchaseHeader(
    Guid StoreId, string PosNumber, string CouponNumber, DateTimeOffset OccurredAt, Guid CustomerId, string? CardNumber,
    decimal TotalAmount, string RequestHash);
