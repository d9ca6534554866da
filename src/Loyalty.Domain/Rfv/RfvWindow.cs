namespace Loyalty.Domain.Rfv;

/// <summary>The RFV window (SPEC §9): the purchases of the last <see cref="DefaultDays"/> days up to the end of the
/// business day being closed.</summary>
public static class RfvWindow
{
    public const int DefaultDays = 365;

    /// <summary>The first instant of the window that ends at <paramref name="end"/> (exclusive).</summary>
    public static DateTimeOffset StartOf(DateTimeOffset end, int days = DefaultDays) => end.AddDays(-days);
}
