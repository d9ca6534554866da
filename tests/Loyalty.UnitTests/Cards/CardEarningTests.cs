using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;

namespace Loyalty.UnitTests.Cards;

public sealed class CardEarningTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Theory]
    [InlineData(CardStatus.Active, null)]
    [InlineData(CardStatus.Registered, NoEarningReason.CardNotActive)]
    [InlineData(CardStatus.CreditApproved, NoEarningReason.CardNotActive)]
    [InlineData(CardStatus.CreditNotApproved, NoEarningReason.CardNotActive)]
    [InlineData(CardStatus.PlasticIssued, NoEarningReason.CardNotActive)]
    [InlineData(CardStatus.TemporarilyBlocked, NoEarningReason.CardBlocked)]
    [InlineData(CardStatus.Cancelled, NoEarningReason.CardCancelled)]
    public void OnlyAnActiveCard_Should_Earn(CardStatus status, NoEarningReason? expected) =>
        Assert.Equal(expected, CardEarning.Refusal(CustomerStatus.Active, status, Today.AddYears(1), Today));

    [Fact]
    public void AnActiveCard_Should_EarnOnItsLastDay_AndNotTheDayAfter()
    {
        Assert.Null(CardEarning.Refusal(CustomerStatus.Active, CardStatus.Active, Today, Today));
        Assert.Equal(NoEarningReason.CardNotActive, CardEarning.Refusal(CustomerStatus.Active, CardStatus.Active, Today.AddDays(-1), Today));
    }

    [Fact]
    public void AnInactiveCustomer_Should_NotEarn_EvenWithAnActiveCard() =>
        Assert.Equal(NoEarningReason.CustomerInactive, CardEarning.Refusal(CustomerStatus.Inactive, CardStatus.Active, Today, Today));

    [Fact]
    public void ACustomerWithoutCard_Should_NotEarn() =>
        Assert.Equal(NoEarningReason.CardNotActive, CardEarning.Refusal(CustomerStatus.Active, null, null, Today));

    [Theory]
    [InlineData(NoEarningReason.CardNotActive, "cardNotActive")]
    [InlineData(NoEarningReason.CardBlocked, "cardBlocked")]
    [InlineData(NoEarningReason.CardCancelled, "cardCancelled")]
    [InlineData(NoEarningReason.CustomerInactive, "customerInactive")]
    public void Reasons_Should_BeSpelledAsTheApiSays(NoEarningReason reason, string api) => Assert.Equal(api, reason.ApiName());
}
