namespace Loyalty.Web.Features.Shared;

/// <summary>
/// Bounds for what a list's address bar may carry. A page or date typed or tampered beyond them (?Page=999999999,
/// To=9999-12-31) would overflow the rows to skip or the day after the period, and answer with a server error; bounded,
/// it is read as the farthest page or date the list can show — an empty page, every date there is.
/// </summary>
public static class ListBounds
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(9998, 12, 31);

    /// <summary>The page, from 1 up to the last one whose rows to skip still fit an <see cref="int"/>.</summary>
    public static int Page(int page, int pageSize) => Math.Clamp(page, 1, int.MaxValue / pageSize);

    public static DateOnly? Date(DateOnly? date) => date is { } d ? (d < EarliestDate ? EarliestDate : d > LatestDate ? LatestDate : d) : null;
}
