using Loyalty.Web.Features.DailyClose;

namespace Loyalty.Web.Features.Points;

/// <summary>
/// The daily close's first step (SPEC §9): expires every lot due by the end of the business day being closed — not
/// by "now", so closing an earlier date expires what was due then and leaves later lots to their own close or to the
/// hourly <c>PointsExpiryJob</c>. Re-running it expires nothing twice (<see cref="PointsLedger.ExpireDueAsync"/>).
/// </summary>
public sealed class PointsExpiryStep(PointsLedger ledger) : IDailyCloseStep
{
    public const string StepKey = "points-expiry";

    public string Key => StepKey;
    public int Order => 10;

    public async Task<DailyCloseStepSummary> RunAsync(BusinessDay day, CancellationToken cancellationToken)
    {
        var result = await ledger.ExpireDueAsync(day.End, cancellationToken);
        return new DailyCloseStepSummary("DailyClose.Summary.PointsExpiry", result.Points, result.Lots);
    }
}
