namespace Loyalty.Domain.Purchases;

/// <summary>What became of a purchase's points (SPEC §5 step 4; the POS sees the first three).</summary>
public enum PointsStatus
{
    /// <summary>The purchase earned no point.</summary>
    None = 0,
    Credited = 1,

    /// <summary>Waiting in the audit queue; nothing is in the ledger yet.</summary>
    PendingAudit = 2,

    /// <summary>Refused by an auditor, or cancelled while waiting: never credited.</summary>
    Rejected = 3,
}
