using System.Globalization;
using Loyalty.Web.Features.DailyClose;

namespace Loyalty.Web.Features.Points;

/// <summary>
/// The daily close's first step (SPEC §9): expires every lot due by now. Re-running it for the same business date
/// expires nothing twice (<see cref="PointsLedger.ExpireDueAsync"/>); the hourly <c>PointsExpiryJob</c> does the same
/// between closes.
/// </summary>
public sealed class PointsExpiryStep(PointsLedger ledger, TimeProvider clock) : IDailyCloseStep
{
    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public string Name => "Expiração de pontos";
    public int Order => 10;

    public async Task<string> RunAsync(DateOnly businessDate, CancellationToken cancellationToken) =>
        Summary(await ledger.ExpireDueAsync(clock.GetUtcNow(), cancellationToken));

    /// <summary>The run history's line, in the back-office's language: "1.234 pontos expirados em 56 lotes".</summary>
    public static string Summary(PointsLedger.ExpiryResult result) =>
        string.Format(PtBr, "{0:N0} pontos expirados em {1:N0} lotes", result.Points, result.Lots);
}
