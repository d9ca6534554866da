namespace Loyalty.Domain.Cards;

/// <summary>The tenant's card flow (SPEC §8); a new tenant starts with <see cref="LoyaltyOnly"/>.</summary>
public enum CardFlow
{
    /// <summary>A card typed or generated at the counter is Active at once.</summary>
    LoyaltyOnly = 1,

    /// <summary>Private-label card: 06 registered → credit analysis → 07 → embossing → 09 → receipt confirmed → 01.</summary>
    LoyaltyAndCredit = 2,
}
