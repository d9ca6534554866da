using Loyalty.Domain.Points;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Points;

/// <summary>
/// What the profile and the POS lookup show of an account (SPEC §3, §10): the balance, which the ledger keeps equal to
/// the sum of its entries, and the points whose expiry falls within the next 30 days in the tenant's zone (lots already
/// due but not yet expired by the job included: they still count in the balance and are about to leave it).
/// </summary>
public sealed class AccountPoints(LoyaltyDbContext db, TimeProvider clock)
{
    public const int ExpiringWithinDays = 30;

    public sealed record Figures(long Balance, long ExpiringSoon);

    /// <param name="accountId">The titular's id (<c>Customer.AccountHolderId</c>); an account without operations shows zeros.</param>
    public async Task<Figures> ReadAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        // The 30 local midnights after now: a lot expiring at the start of today + 30 is the last one counted.
        var until = PointsExpiry.StartOfDay(tenant.LocalDate(clock.GetUtcNow()).AddDays(ExpiringWithinDays), tenant.TimeZone);
        var balance = await db.PointsAccounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => (long?)a.Balance).SingleOrDefaultAsync(cancellationToken) ?? 0;
        var expiring = await db.PointsLots.AsNoTracking()
            .Where(l => l.AccountId == accountId && l.Remaining > 0 && l.ExpiresAt <= until)
            .SumAsync(l => (long?)l.Remaining, cancellationToken) ?? 0;
        return new Figures(balance, expiring);
    }
}
