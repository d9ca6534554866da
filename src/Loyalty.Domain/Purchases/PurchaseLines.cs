using Loyalty.Domain.Common;

namespace Loyalty.Domain.Purchases;

/// <summary>One line of a coupon. The product code is kept as the POS sent it, known to the catalogue or not.</summary>
public class PurchaseItem : ITenantOwned
{
    public const int ProductCodeMaxLength = 40;

    /// <summary>Fuel is priced to three decimals, so the line total may differ from quantity × price by this much.</summary>
    public const decimal RoundingTolerance = 0.01m;

    private PurchaseItem()
    {
        ProductCode = string.Empty;
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PurchaseId { get; private set; }
    public int LineNumber { get; private set; }
    public string ProductCode { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal TotalPrice { get; private set; }

    public static bool TotalMatches(decimal quantity, decimal unitPrice, decimal totalPrice) =>
        Math.Abs(quantity * unitPrice - totalPrice) <= RoundingTolerance;

    public static PurchaseItem Of(int lineNumber, string productCode, decimal quantity, decimal unitPrice, decimal totalPrice)
    {
        if (quantity <= 0 || unitPrice <= 0 || totalPrice <= 0 || !TotalMatches(quantity, unitPrice, totalPrice))
        {
            throw new DomainException("Purchase.ItemInvalid");
        }
        if (!PurchaseBounds.QuantityWithin(quantity) || !PurchaseBounds.UnitPriceWithin(unitPrice) || !PurchaseBounds.AmountWithin(totalPrice))
        {
            throw new DomainException("Purchase.ItemAboveBound");
        }
        return new PurchaseItem
        {
            LineNumber = lineNumber,
            ProductCode = Guard.Text(productCode, ProductCodeMaxLength, "Purchase.ProductCodeRequired"),
            Quantity = quantity,
            UnitPrice = unitPrice,
            TotalPrice = totalPrice,
        };
    }
}

/// <summary>How a coupon was paid (the POS's own method names: "dinheiro", "credito", "pix" …).</summary>
public class PurchasePayment : ITenantOwned
{
    public const int MethodMaxLength = 30;

    private PurchasePayment()
    {
        Method = string.Empty;
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PurchaseId { get; private set; }
    public string Method { get; private set; }
    public decimal Amount { get; private set; }

    public static PurchasePayment Of(string method, decimal amount)
    {
        if (amount <= 0)
        {
            throw new DomainException("Purchase.PaymentInvalid");
        }
        return new PurchasePayment { Method = Guard.Text(method, MethodMaxLength, "Purchase.PaymentMethodRequired"), Amount = amount };
    }
}

/// <summary>A partial return of a purchase (devolução), unique per purchase and return number.</summary>
public class PurchaseReturn : ITenantOwned
{
    public const int ReturnNumberMaxLength = 30;

    private PurchaseReturn()
    {
        ReturnNumber = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid PurchaseId { get; private set; }
    public string ReturnNumber { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public decimal Amount { get; private set; }
    public long PointsReversed { get; private set; }

    public static PurchaseReturn Of(Guid purchaseId, string returnNumber, DateTimeOffset occurredAt, decimal amount, long pointsReversed, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PurchaseId = purchaseId,
        ReturnNumber = Guard.Text(returnNumber, ReturnNumberMaxLength, "Purchase.ReturnNumberRequired"),
        OccurredAt = occurredAt.ToUniversalTime(),
        RecordedAt = now,
        Amount = amount,
        PointsReversed = pointsReversed,
    };
}
