using Loyalty.Web.Features.Customers;
using static Loyalty.Web.Features.Customers.CustomerFigures;

namespace Loyalty.UnitTests.Customers;

public sealed class CustomerFiguresTests
{
    [Fact]
    public void No_Purchases_Give_Zero_Figures_And_No_Dates()
    {
        var figures = Figures.From(0, 0, PurchaseTotals.None, RedemptionTotals.None);

        Assert.Equal(0m, figures.AverageTicket);
        Assert.Equal(0, figures.Purchases);
        Assert.Null(figures.LastPurchase);
        Assert.Null(figures.AverageDaysBetweenPurchases);
    }

    [Fact]
    public void Average_Ticket_Is_Total_Over_Purchases_Rounded_To_Cents()
    {
        var figures = Figures.From(0, 0, new PurchaseTotals(3, 100m, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)), RedemptionTotals.None);

        Assert.Equal(33.33m, figures.AverageTicket);
        Assert.Equal(100m, figures.TotalSpent);
    }

    [Fact]
    public void Average_Days_Between_Purchases_Is_Span_Over_Gaps()
    {
        // Four purchases from 1 to 31 January: three gaps over 30 days.
        var figures = Figures.From(0, 0, new PurchaseTotals(4, 400m, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), RedemptionTotals.None);

        Assert.Equal(10m, figures.AverageDaysBetweenPurchases);
    }

    [Fact]
    public void One_Purchase_Has_No_Interval() =>
        Assert.Null(Figures.From(0, 0, new PurchaseTotals(1, 50m, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)), RedemptionTotals.None)
            .AverageDaysBetweenPurchases);

    [Fact]
    public void Redemptions_And_Balance_Pass_Through()
    {
        var figures = Figures.From(1200, 300, PurchaseTotals.None, new RedemptionTotals(2, new DateOnly(2026, 2, 3)));

        Assert.Equal((1200L, 300L, 2, new DateOnly(2026, 2, 3)), (figures.Balance, figures.ExpiringSoon, figures.Redemptions, figures.LastRedemption));
    }
}
