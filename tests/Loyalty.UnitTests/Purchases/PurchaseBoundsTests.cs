using Loyalty.Domain.Common;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Api;
using Loyalty.Web.Infrastructure.Persistence;
using Npgsql;

namespace Loyalty.UnitTests.Purchases;

/// <summary>The platform's sanity bounds (no tenant setting lifts them), and the API's rules around them.</summary>
public sealed class PurchaseBoundsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static Purchase Record(decimal quantity, decimal unitPrice)
    {
        var total = quantity * unitPrice;
        return Purchase.Record(new PurchaseHeader(Guid.NewGuid(), "1", "100", Now, Guid.NewGuid(), null, total, new string('a', 64)),
            [PurchaseItem.Of(1, "X", quantity, unitPrice, total)], [PurchasePayment.Of("pix", total)], Now);
    }

    [Fact]
    public void Purchase_At_Every_Bound_Should_Be_Recorded_And_Earn_The_Most_Points()
    {
        var purchase = Record(PurchaseBounds.MaxQuantity, PurchaseBounds.MaxTotal / PurchaseBounds.MaxQuantity);
        purchase.Earn(PurchaseBounds.MaxPoints, PointsStatus.Credited, []);

        Assert.Equal(PurchaseBounds.MaxTotal, purchase.TotalAmount);
        Assert.Equal(PurchaseBounds.MaxPoints, purchase.PointsEarned);
    }

    [Fact]
    public void Purchase_Should_Be_Refused_When_QuantityAboveSanityBound() =>
        Assert.Equal("Purchase.ItemAboveBound", Assert.Throws<DomainException>(() => Record(PurchaseBounds.MaxQuantity + 0.001m, 0.01m)).Code);

    [Fact]
    public void Purchase_Should_Be_Refused_When_UnitPriceAboveSanityBound() =>
        Assert.Equal("Purchase.ItemAboveBound", Assert.Throws<DomainException>(() => Record(1m, PurchaseBounds.MaxUnitPrice + 0.01m)).Code);

    [Fact]
    public void Purchase_Should_Be_Refused_When_TotalAboveSanityBound() =>
        Assert.Equal("Purchase.ItemAboveBound", Assert.Throws<DomainException>(() => Record(11m, PurchaseBounds.MaxUnitPrice)).Code);

    [Fact]
    public void Purchase_Should_Be_Refused_When_PointsAboveSanityBound()
    {
        var purchase = Record(1m, 10m);

        var refused = Assert.Throws<DomainException>(() => purchase.Earn(PurchaseBounds.MaxPoints + 1, PointsStatus.Credited, []));

        Assert.Equal(PurchaseBounds.PointsAboveBoundCode, refused.Code);
        Assert.Equal(0, purchase.PointsEarned);
    }

    [Fact]
    public void Bounds_Should_Fit_The_Columns_So_No_Accepted_Amount_Overflows()
    {
        // numeric(12,2) and numeric(12,3): ten and nine whole digits.
        Assert.True(PurchaseBounds.MaxTotal < 10_000_000_000m);
        Assert.True(PurchaseBounds.MaxQuantity < 1_000_000_000m && PurchaseBounds.MaxUnitPrice < 1_000_000_000m);
    }

    [Theory]
    [InlineData("2026-12-01T10:00:00Z", true)]
    [InlineData("2026-12-01T10:00:00.123z", true)]
    [InlineData("2026-12-01T10:00:00-03:00", true)]
    [InlineData("2026-12-01T10:00:00.5+05:30", true)]
    [InlineData("2026-12-01T10:00:00", false)]
    [InlineData("2026-12-01T10:00", false)]
    [InlineData("2026-12-01", false)]
    [InlineData("2026-12-01T10:00:00-0300", false)]
    public void OccurredAt_Should_Carry_Z_Or_An_Offset(string text, bool accepted) =>
        Assert.Equal(accepted, OffsetRequiredConverter.HasOffset(text));

    [Fact]
    public void DatabaseBusy_Should_Recognise_A_Full_Server_And_An_Exhausted_Pool_Even_Wrapped()
    {
        var tooMany = new PostgresException("too many", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections);
        var starting = new PostgresException("starting", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow);
        var exhausted = new NpgsqlException("The connection pool has been exhausted, either raise 'Max Pool Size' (currently 2) or 'Timeout' (currently 1 seconds) in your connection string.",
            new TimeoutException());

        Assert.True(DatabaseBusy.Is(tooMany));
        Assert.True(DatabaseBusy.Is(starting));
        Assert.True(DatabaseBusy.Is(new InvalidOperationException("EF", exhausted)));
        Assert.False(DatabaseBusy.Is(new PostgresException("unique", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(DatabaseBusy.Is(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
    }
}
