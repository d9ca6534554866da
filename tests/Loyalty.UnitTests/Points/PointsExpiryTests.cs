using Loyalty.Domain.Points;

namespace Loyalty.UnitTests.Points;

public sealed class PointsExpiryTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    [Fact]
    public void Points_Should_Expire_At_The_End_Of_The_Last_Valid_Day_In_The_Tenant_Zone()
    {
        // Credited 10/01/2026 10:00 in São Paulo (13:00Z), 365 days: valid through 09/01/2027, gone at 10/01/2027 00:00 local.
        var expires = PointsExpiry.ExpiresAt(new DateTimeOffset(2026, 1, 10, 13, 0, 0, TimeSpan.Zero), 365, SaoPaulo);
        Assert.Equal(new DateTimeOffset(2027, 1, 10, 3, 0, 0, TimeSpan.Zero), expires);
        Assert.Equal(new DateOnly(2027, 1, 9), PointsExpiry.LastValidDay(expires!.Value, SaoPaulo));
    }

    [Fact]
    public void A_Credit_Late_In_The_Evening_Counts_From_Its_Local_Day_Not_The_Utc_Day()
    {
        // 31/03/2026 23:30 in São Paulo is already 01/04 02:30Z; the credit day is 31/03.
        var expires = PointsExpiry.ExpiresAt(new DateTimeOffset(2026, 4, 1, 2, 30, 0, TimeSpan.Zero), 1, SaoPaulo);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 3, 0, 0, TimeSpan.Zero), expires);
    }

    [Fact]
    public void A_Credit_Just_After_Local_Midnight_Counts_From_The_New_Day()
    {
        var expires = PointsExpiry.ExpiresAt(new DateTimeOffset(2026, 4, 1, 3, 0, 0, TimeSpan.Zero), 1, SaoPaulo);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 3, 0, 0, TimeSpan.Zero), expires);
    }

    [Fact]
    public void Category_Without_Validity_Never_Expires() =>
        Assert.Null(PointsExpiry.ExpiresAt(DateTimeOffset.UnixEpoch, null, SaoPaulo));
}
