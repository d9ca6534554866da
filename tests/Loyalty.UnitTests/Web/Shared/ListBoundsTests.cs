using Loyalty.Web.Features.Shared;

namespace Loyalty.UnitTests.Web.Shared;

public sealed class ListBoundsTests
{
    [Theory]
    [InlineData(-5, 1)]
    [InlineData(0, 1)]
    [InlineData(3, 3)]
    [InlineData(int.MaxValue, int.MaxValue / 50)]
    public void Page_Should_StayWhereTheRowsToSkipFitAnInt(int typed, int expected)
    {
        var page = ListBounds.Page(typed, 50);

        Assert.Equal(expected, page);
        Assert.True((long)(page - 1) * 50 <= int.MaxValue);
    }

    [Fact]
    public void Date_Should_KeepAnOrdinaryDate_And_BringTheExtremesWithinReach()
    {
        Assert.Null(ListBounds.Date(null));
        Assert.Equal(new DateOnly(2026, 12, 6), ListBounds.Date(new DateOnly(2026, 12, 6)));
        Assert.Equal(ListBounds.EarliestDate, ListBounds.Date(DateOnly.MinValue));
        Assert.Equal(ListBounds.LatestDate, ListBounds.Date(DateOnly.MaxValue));
        // The day after the latest date still exists, so a period ending on it can be closed.
        Assert.Equal(new DateOnly(9999, 1, 1), ListBounds.LatestDate.AddDays(1));
    }
}
