using System.ComponentModel;

namespace Loyalty.Web.Features.Purchases;

/// <summary>POST /api/v1/purchase-history (SPEC §10): a legacy system's past purchases, up to
/// <see cref="ImportPurchaseHistory.MaxPurchases"/> per call. Errors are keyed like <c>purchases[3].items[0].totalPrice</c>.</summary>
public sealed class PurchaseHistoryRequest
{
    public List<PurchaseHistoryEntry>? Purchases { get; set; }
}

/// <summary>The fields of a POS purchase (<see cref="PurchaseRequest"/>) plus the store it was made in.</summary>
public sealed class PurchaseHistoryEntry
{
    [Description("The store's code, in any case.")]
    public string? StoreCode { get; set; }

    public string? PosNumber { get; set; }
    public string? CouponNumber { get; set; }

    [Description("ISO-8601 with offset; any time in the past, at most 5 minutes in the future.")]
    public DateTimeOffset? OccurredAt { get; set; }

    public PurchaseCustomer? Customer { get; set; }
    public decimal? TotalAmount { get; set; }
    public List<PurchaseRequestItem>? Items { get; set; }
    public List<PurchaseRequestPayment>? Payments { get; set; }

    /// <summary>The same purchase as the POS would send it: validated, hashed and recorded by the same rules.</summary>
    public PurchaseRequest ToPurchaseRequest() => new()
    {
        PosNumber = PosNumber,
        CouponNumber = CouponNumber,
        OccurredAt = OccurredAt,
        Customer = Customer,
        TotalAmount = TotalAmount,
        Items = Items,
        Payments = Payments,
    };
}
