namespace Loyalty.Domain.Purchases;

/// <summary>How a purchase reached the system (SPEC §5, §10).</summary>
public enum PurchaseOrigin
{
    /// <summary>Sent by the store's POS through the API.</summary>
    Pos = 0,

    /// <summary>Typed by hand in the back-office.</summary>
    BackOffice = 1,

    /// <summary>Loaded from a legacy system's history: counts in figures and reports, never earns points.</summary>
    History = 2,
}
