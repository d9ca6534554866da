using Loyalty.Domain.Common;
using Loyalty.Domain.Purchases;

namespace Loyalty.UnitTests.Purchases;

public sealed class PurchaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static Purchase Credited(decimal total, long points)
    {
        var purchase = Purchase.Record(
            new PurchaseHeader(Guid.NewGuid(), "1", "100", Now, Guid.NewGuid(), null, total, new string('a', 64)),
            [PurchaseItem.Of(1, "X", 1m, total, total)], [PurchasePayment.Of("dinheiro", total)], Now);
        purchase.Earn(points, PointsStatus.Credited, []);
        return purchase;
    }

    [Theory]
    [InlineData(16.142, 6.196, 100.01)]
    [InlineData(16.142, 6.196, 100.02)]
    [InlineData(3, 0.333, 1.00)]
    public void Item_Total_May_Differ_By_One_Cent(decimal quantity, decimal price, decimal total) =>
        Assert.True(PurchaseItem.TotalMatches(quantity, price, total));

    [Fact]
    public void Item_Total_Off_By_More_Than_One_Cent_Is_Refused()
    {
        Assert.False(PurchaseItem.TotalMatches(2m, 5m, 10.02m));
        Assert.Throws<DomainException>(() => PurchaseItem.Of(1, "X", 2m, 5m, 10.02m));
    }

    [Fact]
    public void Returns_Never_Reverse_More_Than_Earned_And_The_Last_Reverses_What_Is_Left()
    {
        var purchase = Credited(10m, 7);
        Assert.Equal(2, purchase.Return(3.33m));   // floor(7 × 0.333) = 2
        Assert.Equal(2, purchase.Return(3.33m));   // floor(7 × 0.666) = 4
        Assert.Equal(3, purchase.Return(3.34m));   // completes: 7 − 4
        Assert.Equal(7, purchase.PointsReversed);
    }

    [Fact]
    public void A_Return_Beyond_The_Total_Is_Refused()
    {
        var purchase = Credited(10m, 10);
        purchase.Return(9m);
        Assert.Equal("Purchase.ReturnExceedsTotal", Assert.Throws<DomainException>(() => purchase.Return(1.01m)).Code);
    }

    [Fact]
    public void Cancel_Reverses_What_Returns_Left_And_Only_Once()
    {
        var purchase = Credited(10m, 10);
        purchase.Return(5m);
        Assert.Equal(5, purchase.Cancel(Now));
        Assert.Throws<DomainException>(() => purchase.Cancel(Now));
        Assert.Throws<DomainException>(() => purchase.Return(1m));
    }

    [Fact]
    public void Approval_Credits_What_Returns_Did_Not_Take_Back()
    {
        var purchase = Credited(10m, 10);
        purchase.Earn(10, PointsStatus.PendingAudit, [AuditReason.RequireApproval]);
        Assert.Equal(0, purchase.Return(4m));
        Assert.Equal(6, purchase.Approve(Now));
        Assert.Equal(PointsStatus.Credited, purchase.PointsStatus);
        Assert.Throws<DomainException>(() => purchase.Reject("tarde demais", Now));
    }

    [Fact]
    public void Rejection_Needs_A_Reason()
    {
        var purchase = Credited(10m, 10);
        purchase.Earn(10, PointsStatus.PendingAudit, [AuditReason.RequireApproval]);
        Assert.Throws<DomainException>(() => purchase.Reject(" ", Now));
        purchase.Reject("Cartão clonado", Now);
        Assert.Equal(PointsStatus.Rejected, purchase.PointsStatus);
        Assert.Equal("Cartão clonado", purchase.RejectionReason);
    }
}
