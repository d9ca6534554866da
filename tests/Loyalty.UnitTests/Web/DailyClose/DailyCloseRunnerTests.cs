using Loyalty.Domain.Tenancy;
using Loyalty.Web.Features.DailyClose;

namespace Loyalty.UnitTests.Web.DailyClose;

public sealed class DailyCloseRunnerTests
{
    [Theory]
    [InlineData("2026-11-24", "2026-11-23")]
    [InlineData("2026-03-01", "2026-02-28")]
    [InlineData("2028-03-01", "2028-02-29")]
    [InlineData("2027-01-01", "2026-12-31")]
    public void LastEndedBusinessDate_Should_BeTheDayBeforeTheLocalToday(string today, string expected) =>
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd"), DailyCloseRunner.LastEndedBusinessDate(DateOnly.ParseExact(today, "yyyy-MM-dd")));

    [Fact]
    public void LastEndedBusinessDate_Should_CloseTheDayThatJustEndedInSaoPaulo_When_TheJobRunsAtLocalMidnight()
    {
        var tenant = Tenant.Create("demo", "Rede Demo", null, DateTimeOffset.UnixEpoch);
        var localMidnight = new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 2, 28), DailyCloseRunner.LastEndedBusinessDate(tenant.LocalDate(localMidnight)));
    }

    [Fact]
    public void LastEndedBusinessDate_Should_NotCloseTheCurrentDay_When_ItIsStillBeforeLocalMidnight()
    {
        var tenant = Tenant.Create("demo", "Rede Demo", null, DateTimeOffset.UnixEpoch);
        var justBeforeLocalMidnight = new DateTimeOffset(2026, 3, 1, 2, 59, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 2, 27), DailyCloseRunner.LastEndedBusinessDate(tenant.LocalDate(justBeforeLocalMidnight)));
    }
}
