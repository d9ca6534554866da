namespace Loyalty.Domain.Points;

/// <summary>Every kind of change of a points balance (SPEC §5). Credits are positive, debits negative.</summary>
public enum LedgerEntryKind
{
    Accrual = 1,
    Redemption = 2,
    RedemptionCancellation = 3,
    Expiry = 4,
    PurchaseCancellation = 5,
    Return = 6,
    ManualAdjustment = 7,
}
