namespace Loyalty.Domain.Points;

/// <summary>
/// What crediting a purchase's points writes (SPEC §5): the ledger entry, the lot it opens — expiring after the earning
/// customer's category validity, counted from the purchase's local day — and the account's balance after it. The POS
/// purchase holds the account's row lock and writes these rows itself; the back-office credit records the same rule.
/// Like any credit it expires no lot: stale points cannot spoil a credit, and the expiry job or the next debit expires them.
/// </summary>
public sealed record Accrual(LedgerEntry Entry, PointsLot Lot, long Balance)
{
    /// <param name="lockedAccount">The account that earns (the titular's), read under its row lock.</param>
    /// <param name="validityDays">The earning customer's category validity; null when its points never expire.</param>
    public static Accrual For(PointsAccount lockedAccount, Guid customerId, int? validityDays, long points, DateTimeOffset occurredAt,
        LedgerSource source, DateTimeOffset recordedAt, TimeZoneInfo zone)
    {
        var expiresAt = PointsExpiry.ExpiresAt(occurredAt, validityDays, zone);
        var movement = lockedAccount.Credit(LedgerEntryKind.Accrual, points, occurredAt, expiresAt);
        return new Accrual(LedgerEntry.Record(movement, customerId, occurredAt, recordedAt, source), movement.OpenedLot!, lockedAccount.Balance);
    }
}
