using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Cards;

namespace Loyalty.UnitTests.Campaigns;

public sealed class GiftDeliveryRulesTests
{
    private static readonly RedemptionCheck Allowed = new(CampaignOpenAtStore: true, Blocked: false, CardStatus.Active, IsDependent: false,
        TitularAllowsAllCards: false, Balance: 0, Points: 0);

    [Fact]
    public void A_Gift_Costs_No_Points_So_An_Empty_Or_Negative_Balance_Does_Not_Stop_It()
    {
        Assert.Empty(GiftDeliveryRules.Broken(Allowed));
        Assert.Empty(GiftDeliveryRules.Broken(Allowed with { Balance = -50 }));
        Assert.Equal(["Redemption.InsufficientBalance"], RedemptionRules.Broken(Allowed with { Points = 10 }));
    }

    [Fact]
    public void The_Other_Counter_Rules_Still_Apply_To_Gifts()
    {
        var broken = GiftDeliveryRules.Broken(Allowed with
        {
            CampaignOpenAtStore = false, Blocked = true, CardStatus = CardStatus.TemporarilyBlocked, IsDependent = true,
        });

        Assert.Equal(["Redemption.StoreNotParticipating", "Redemption.CustomerBlocked", "Redemption.CardNotActive", "Redemption.DependentNotAllowed"], broken);
    }
}
