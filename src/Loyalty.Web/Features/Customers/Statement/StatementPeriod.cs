using Loyalty.Domain.Points;

namespace Loyalty.Web.Features.Customers.Statement;

/// <summary>
/// The period of a statement: whole days of the tenant's calendar, both ends included. Without dates it is the last
/// <see cref="DefaultDays"/> days up to today; without a start, that many days before the end.
/// </summary>
public sealed record StatementPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 90;

    /// <returns>Null when the start falls after the end.</returns>
    public static StatementPeriod? Resolve(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = Shared.ListBounds.Date(to) ?? today;
        var start = Shared.ListBounds.Date(from) ?? end.AddDays(-DefaultDays);
        return start > end ? null : new StatementPeriod(start, end);
    }

    public DateTimeOffset Start(TimeZoneInfo zone) => PointsExpiry.StartOfDay(From, zone);

    /// <summary>The first instant after the period: local midnight that ends <see cref="To"/>.</summary>
    public DateTimeOffset End(TimeZoneInfo zone) => PointsExpiry.StartOfDay(To.AddDays(1), zone);
}
