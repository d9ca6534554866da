namespace Loyalty.Domain.Purchases;

/// <summary>
/// Platform-wide sanity bounds on one purchase. A tenant's antifraud rules can hold suspicious purchases for audit, but a
/// tenant without them once credited 999,999,999 points for a single coupon: these bounds sit above every tenant setting,
/// so no configuration lifts them. They are far beyond any real coupon (a tanker of fuel, a car bought in one payment) and
/// far below the columns' capacity (numeric(12,2) holds 9,999,999,999.99), so an accepted amount can never overflow.
/// </summary>
public static class PurchaseBounds
{
    /// <summary>Units of one line: 100,000 litres, kilos or pieces.</summary>
    public const decimal MaxQuantity = 100_000m;

    /// <summary>R$ per unit of one line.</summary>
    public const decimal MaxUnitPrice = 1_000_000m;

    /// <summary>R$ of the coupon; also bounds each line's total and each payment, which cannot exceed the coupon.</summary>
    public const decimal MaxTotal = 10_000_000m;

    /// <summary>Points one purchase may earn, whatever the rate, campaigns and multiplier make of it.</summary>
    public const long MaxPoints = 1_000_000;

    /// <summary>The code of the refusal when earning went past <see cref="MaxPoints"/>, so the caller can tell it apart.</summary>
    public const string PointsAboveBoundCode = "Purchase.PointsAboveBound";

    public static bool QuantityWithin(decimal quantity) => quantity <= MaxQuantity;

    public static bool UnitPriceWithin(decimal unitPrice) => unitPrice <= MaxUnitPrice;

    public static bool AmountWithin(decimal amount) => amount <= MaxTotal;

    public static bool PointsWithin(long points) => points <= MaxPoints;
}
