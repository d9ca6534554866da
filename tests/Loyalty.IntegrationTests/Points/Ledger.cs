using Loyalty.Testing;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Points;

/// <summary>The ledger as its callers (purchases, redemptions, the expiry job) use it: one tenant scope per operation.</summary>
internal static class Ledger
{
    public sealed record Totals(long Balance, long SumOfEntries, long SumOfOpenLots, int Entries);

    public static async Task<T> InLedgerAsync<T>(this LoyaltyAppFactory app, Guid tenantId, Func<PointsLedger, Task<T>> operation)
    {
        await using var scope = app.TenantScope(tenantId);
        scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("test");
        return await operation(scope.ServiceProvider.GetRequiredService<PointsLedger>());
    }

    public static Task<Loyalty.Domain.Points.LedgerEntry> CreditAsync(this LoyaltyAppFactory app, Guid tenantId, Guid customerId, long points,
        DateTimeOffset? at = null, Guid? purchaseId = null) =>
        app.InLedgerAsync(tenantId, l => l.CreditAsync(customerId, points, at ?? DateTimeOffset.UtcNow,
            new PointsLedger.Reference(PurchaseId: purchaseId), CancellationToken.None));

    /// <summary>The account's stored balance, the sum of its ledger entries and the points left in its lots.</summary>
    public static Task<Totals> TotalsAsync(this LoyaltyAppFactory app, Guid tenantId, Guid accountId) =>
        app.InTenantAsync(tenantId, async db => new Totals(
            await db.PointsAccounts.Where(a => a.Id == accountId).Select(a => a.Balance).SingleOrDefaultAsync(),
            await db.LedgerEntries.Where(e => e.AccountId == accountId).SumAsync(e => e.Points),
            await db.PointsLots.Where(l => l.AccountId == accountId).SumAsync(l => l.Remaining),
            await db.LedgerEntries.CountAsync(e => e.AccountId == accountId)));
}
