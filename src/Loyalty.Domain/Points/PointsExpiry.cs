namespace Loyalty.Domain.Points;

/// <summary>
/// When the points of a credit expire (SPEC §5): after the category's validity days, counted in the tenant's time zone,
/// at the end of the last valid day. The day of the credit is the first valid day, so 365 days of validity credited on
/// 10/01/2026 are valid through 09/01/2027 and expire at midnight starting 10/01/2027, local time.
/// </summary>
public static class PointsExpiry
{
    /// <returns>The instant the lot expires, or null when the category's points never expire.</returns>
    public static DateTimeOffset? ExpiresAt(DateTimeOffset creditedAt, int? validityDays, TimeZoneInfo zone)
    {
        if (validityDays is not { } days)
        {
            return null;
        }
        var creditDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(creditedAt, zone).DateTime);
        return StartOfDay(creditDay.AddDays(days), zone);
    }

    public static DateOnly LastValidDay(DateTimeOffset expiresAt, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(expiresAt, zone).DateTime).AddDays(-1);

    /// <summary>Local midnight of a date as an instant; where a DST change skips midnight, the first instant of the day.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
