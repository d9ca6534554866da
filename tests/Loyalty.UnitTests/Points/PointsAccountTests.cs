using Loyalty.Domain.Common;
using Loyalty.Domain.Points;

namespace Loyalty.UnitTests.Points;

public sealed class PointsAccountTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 10, 13, 0, 0, TimeSpan.Zero);

    private static (PointsAccount Account, List<PointsLot> Lots) AccountWith(params (long Points, int? ExpiresInDays)[] credits)
    {
        var account = PointsAccount.OpenFor(Guid.NewGuid());
        var lots = credits.Select((c, i) => account.Credit(LedgerEntryKind.Accrual, c.Points, T0.AddMinutes(i),
            c.ExpiresInDays is { } d ? T0.AddDays(d) : null).OpenedLot!).ToList();
        return (account, lots);
    }

    [Fact]
    public void Redeem_Should_Consume_Lots_First_Expiring_First()
    {
        var (account, lots) = AccountWith((100, 300), (50, 30), (80, null));
        var movement = account.Redeem(120, lots, T0.AddDays(1));
        Assert.Equal(-120, movement.Points);
        Assert.Equal(0, lots[1].Remaining);    // expires in 30 days: taken first
        Assert.Equal(30, lots[0].Remaining);   // then the one of 300 days
        Assert.Equal(80, lots[2].Remaining);   // never-expiring last
        Assert.Equal(110, account.Balance);
        Assert.Equal(account.Balance, lots.Sum(l => l.Remaining));
    }

    [Fact]
    public void Redeem_Should_Refuse_More_Than_The_Balance()
    {
        var (account, lots) = AccountWith((100, 30));
        Assert.Equal("Points.InsufficientBalance", Assert.Throws<DomainException>(() => account.Redeem(101, lots, T0)).Code);
        Assert.Equal(100, account.Balance);
        Assert.Equal(100, lots[0].Remaining);
    }

    [Fact]
    public void Redeem_Should_Not_Use_Points_Of_An_Expired_Lot_Even_Before_The_Expiry_Job_Ran()
    {
        var (account, lots) = AccountWith((100, 1), (20, 300));
        Assert.Throws<DomainException>(() => account.Redeem(50, lots, T0.AddDays(2)));
        Assert.Equal(100, lots[0].Remaining);
        Assert.Equal(20, lots[1].Remaining);
    }

    [Fact]
    public void Expire_Should_Take_What_Is_Left_Once()
    {
        var (account, lots) = AccountWith((100, 10), (40, 300));
        account.Redeem(30, lots, T0.AddDays(1));
        Assert.Null(account.Expire(lots[0], T0.AddDays(9)));       // not yet
        var expired = account.Expire(lots[0], T0.AddDays(10));
        Assert.Equal(-70, expired!.Points);
        Assert.Null(account.Expire(lots[0], T0.AddDays(11)));      // a second run expires nothing
        Assert.Equal(40, account.Balance);
    }

    [Fact]
    public void Cancelled_Redemption_Should_Give_Points_Back_To_Their_Lots()
    {
        var (account, lots) = AccountWith((100, 300), (50, 30));
        var redemption = account.Redeem(120, lots, T0);
        var back = account.GiveBack(redemption.Lots);
        Assert.Equal(120, back.Points);
        Assert.Equal(100, lots[0].Remaining);
        Assert.Equal(50, lots[1].Remaining);
        Assert.Equal(150, account.Balance);
    }

    [Fact]
    public void Reversal_Of_Spent_Points_Should_Leave_The_Balance_Negative_And_Block_Redemption()
    {
        var (account, lots) = AccountWith((100, 300));
        account.Redeem(100, lots, T0);
        var reversal = account.Reverse(LedgerEntryKind.PurchaseCancellation, 100, [lots[0]], lots, T0.AddHours(1));
        Assert.Equal(-100, reversal.Points);
        Assert.Equal(-100, account.Balance);
        Assert.False(account.CanRedeem(1));

        // The next credit pays the debt first: its lot holds only what is left above zero.
        var credit = account.Credit(LedgerEntryKind.Accrual, 150, T0.AddDays(1), T0.AddDays(301));
        Assert.Equal(50, account.Balance);
        Assert.Equal(50, credit.OpenedLot!.Remaining);
    }

    [Fact]
    public void Reversal_Should_Take_The_Purchase_Lot_First_Then_First_Expiring()
    {
        var (account, lots) = AccountWith((100, 30), (60, 300));
        account.Reverse(LedgerEntryKind.Return, 80, [lots[1]], lots, T0);
        Assert.Equal(0, lots[1].Remaining);
        Assert.Equal(80, lots[0].Remaining);
        Assert.Equal(80, account.Balance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Movements_Should_Refuse_Zero_Or_Negative_Amounts(long points)
    {
        var (account, lots) = AccountWith((10, 30));
        Assert.Throws<DomainException>(() => account.Credit(LedgerEntryKind.Accrual, points, T0, null));
        Assert.Throws<DomainException>(() => account.Redeem(points, lots, T0));
    }
    [Fact]
    public void Negative_Adjustment_Should_Take_First_Expiring_First()
    {
        var (account, lots) = AccountWith((100, 300), (50, 30));
        var movement = account.Adjust(-70, lots, T0, null);
        Assert.Equal(LedgerEntryKind.ManualAdjustment, movement.Kind);
        Assert.Equal(-70, movement.Points);
        Assert.Equal(0, lots[1].Remaining);
        Assert.Equal(80, lots[0].Remaining);
        Assert.Equal(80, account.Balance);
    }

    [Fact]
    public void Negative_Adjustment_Should_Refuse_To_Overdraw_And_Touch_Nothing()
    {
        var (account, lots) = AccountWith((100, 300));
        Assert.Equal("Points.AdjustmentExceedsBalance", Assert.Throws<DomainException>(() => account.Adjust(-101, lots, T0, null)).Code);
        Assert.Equal(100, account.Balance);
        Assert.Equal(100, lots[0].Remaining);
    }

    [Fact]
    public void Positive_Adjustment_Should_Open_A_Lot_With_Its_Expiry()
    {
        var (account, _) = AccountWith((10, 300));
        var movement = account.Adjust(25, [], T0, T0.AddDays(365));
        Assert.Equal(25, movement.Points);
        Assert.Equal(25, movement.OpenedLot!.Remaining);
        Assert.Equal(T0.AddDays(365), movement.OpenedLot.ExpiresAt);
        Assert.Equal(35, account.Balance);
    }

    [Fact]
    public void Zero_Adjustment_Should_Be_Refused()
    {
        var (account, lots) = AccountWith((10, 300));
        Assert.Equal("Points.AdjustmentZero", Assert.Throws<DomainException>(() => account.Adjust(0, lots, T0, null)).Code);
    }
    [Fact]
    public void Cancelled_Redemption_Should_Pay_A_Debt_Before_Refilling_Lots()
    {
        var (account, lots) = AccountWith((100, 300), (50, 30));
        var redemption = account.Redeem(150, lots, T0);
        account.Reverse(LedgerEntryKind.PurchaseCancellation, 60, [], lots, T0.AddHours(1)); // spent: balance -60

        var back = account.GiveBack(redemption.Lots);

        Assert.Equal(150, back.Points);
        Assert.Equal(90, account.Balance);
        Assert.Equal(90, lots.Sum(l => l.Remaining));
        Assert.Equal(90, lots[0].Remaining);   // the latest-expiring lot is refilled first
        Assert.Equal(0, lots[1].Remaining);
        Assert.Equal((lots[0], 90L), Assert.Single(back.Lots));
    }
}
