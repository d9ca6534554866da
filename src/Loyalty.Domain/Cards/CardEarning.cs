using Loyalty.Domain.Customers;

namespace Loyalty.Domain.Cards;

/// <summary>Why a purchase earned nothing because of its card or customer (SPEC §8 "Which cards earn"); the API's
/// <c>reason</c> values.</summary>
public enum NoEarningReason
{
    CardNotActive = 1,
    CardBlocked = 2,
    CardCancelled = 3,
    CustomerInactive = 4,
}

/// <summary>
/// Which cards earn (SPEC §8, decided 2026-12-04): a purchase is always recorded, but earns only when the customer is
/// active and the card presented — or, for a purchase identified by document, the customer's best card — is Active and
/// not expired on the purchase's local date. An expired card is treated like a not-active one until reissued.
/// </summary>
public static class CardEarning
{
    /// <param name="cardStatus">The card presented, or the customer's best card; null when the customer has none.</param>
    /// <param name="expiresOn">That card's last valid day.</param>
    /// <param name="purchaseDate">The purchase's date in the tenant's time zone.</param>
    /// <returns>Null when the purchase earns; otherwise why it does not.</returns>
    public static NoEarningReason? Refusal(CustomerStatus customer, CardStatus? cardStatus, DateOnly? expiresOn, DateOnly purchaseDate) =>
        customer != CustomerStatus.Active ? NoEarningReason.CustomerInactive
        : cardStatus switch
        {
            CardStatus.Cancelled => NoEarningReason.CardCancelled,
            CardStatus.TemporarilyBlocked => NoEarningReason.CardBlocked,
            CardStatus.Active when expiresOn is { } last && purchaseDate <= last => null,
            _ => NoEarningReason.CardNotActive,
        };

    /// <summary>The API's spelling: "cardNotActive", "cardBlocked", "cardCancelled", "customerInactive".</summary>
    public static string ApiName(this NoEarningReason reason)
    {
        var name = reason.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
