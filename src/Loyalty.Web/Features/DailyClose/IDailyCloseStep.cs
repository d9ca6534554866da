using Loyalty.Domain.Points;

namespace Loyalty.Web.Features.DailyClose;

/// <summary>
/// One step of the daily close (points expiry, RFV, sales aggregates, card expiry — added by their own features).
/// Steps run in <see cref="Order"/>, inside the tenant's scope; the runner records each one's completion under its
/// <see cref="Key"/> (stored: never rename it) and never runs a completed step again for the same date. A step's name
/// is the resource <c>DailyClose.Step.{Key}</c>.
/// </summary>
public interface IDailyCloseStep
{
    string Key { get; }
    int Order { get; }

    Task<DailyCloseStepSummary> RunAsync(BusinessDay day, CancellationToken cancellationToken);
}

/// <summary>A step's one-line summary: a resource key and the counts it shows ("{0:N0} pontos expirados em {1:N0} lotes").</summary>
public sealed record DailyCloseStepSummary(string ResourceKey, params long[] Counts);

/// <summary>The business date being closed and the instants [Start, End) it covers in the tenant's time zone.</summary>
public sealed record BusinessDay(DateOnly Date, DateTimeOffset Start, DateTimeOffset End)
{
    public static BusinessDay Of(DateOnly date, TimeZoneInfo zone) =>
        new(date, PointsExpiry.StartOfDay(date, zone), PointsExpiry.StartOfDay(date.AddDays(1), zone));
}
