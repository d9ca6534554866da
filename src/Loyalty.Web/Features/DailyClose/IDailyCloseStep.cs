namespace Loyalty.Web.Features.DailyClose;

/// <summary>
/// One step of the daily close (points expiry, RFV, sales aggregates, card expiry — added by their own features).
/// Steps run in <see cref="Order"/>, inside the tenant's scope, and must themselves be idempotent for the business date,
/// because a failed close is retried from the first step.
/// </summary>
public interface IDailyCloseStep
{
    string Name { get; }
    int Order { get; }

    /// <returns>A one-line summary for the run history (e.g. "1.234 pontos expirados").</returns>
    Task<string> RunAsync(DateOnly businessDate, CancellationToken cancellationToken);
}
