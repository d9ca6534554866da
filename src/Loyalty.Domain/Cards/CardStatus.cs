namespace Loyalty.Domain.Cards;

/// <summary>Card status codes as the source system shows them (SPEC §8, seed 001).</summary>
public enum CardStatus
{
    Active = 1,             // 01
    Registered = 6,         // 06
    CreditApproved = 7,     // 07
    CreditNotApproved = 8,  // 08
    PlasticIssued = 9,      // 09
    Cancelled = 90,
    TemporarilyBlocked = 91,
}

public static class CardStatusCodes
{
    /// <summary>The two-digit code shown on screens and files ("01", "06" …); the last two have no code in the source.</summary>
    public static string Code(this CardStatus status) => status switch
    {
        CardStatus.Cancelled => "CA",
        CardStatus.TemporarilyBlocked => "BT",
        _ => ((int)status).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
    };
}
