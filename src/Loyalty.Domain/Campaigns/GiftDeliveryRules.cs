namespace Loyalty.Domain.Campaigns;

/// <summary>
/// Who may take the gifts of a periodic campaign at the counter (seed 001 "Brinde por Produto Comprado"): the same
/// rules as a prize (<see cref="RedemptionRules"/>) except the points — a gift was earned by buying, it costs none.
/// </summary>
public static class GiftDeliveryRules
{
    /// <remarks>Checked as a redemption of nothing against a positive balance, so the points rule can never break.</remarks>
    public static IReadOnlyList<string> Broken(RedemptionCheck check) => RedemptionRules.Broken(check with { Balance = 1, Points = 0 });
}
