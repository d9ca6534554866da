using Loyalty.Domain.Cards;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers.Statement;

/// <summary>
/// Whose statement, over which days: the customer, the account their points belong to (the titular's), the card a
/// statement names and the period resolved in the tenant's calendar. Every statement download and the API start here.
/// </summary>
public static class StatementSubject
{
    public sealed record Subject(Guid CustomerId, Guid AccountId, string Name, string MaskedDocument, string? CardNumber,
        StatementPeriod Period, TimeZoneInfo Zone)
    {
        public DateTimeOffset Start => Period.Start(Zone);
        public DateTimeOffset End => Period.End(Zone);
    }

    public enum Problem
    {
        None,
        NotFound,
        PeriodInvalid,
    }

    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock)
    {
        /// <returns>The subject, or why there is none: no such customer in the tenant, or a start after the end.</returns>
        public async Task<(Subject? Subject, Problem Problem)> HandleAsync(Guid customerId, DateOnly? from, DateOnly? to,
            CancellationToken cancellationToken)
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
                .Select(c => new { c.Id, c.AccountHolderId, c.Name, c.PersonType, c.Document }).SingleOrDefaultAsync(cancellationToken);
            if (customer is null)
            {
                return (null, Problem.NotFound);
            }
            var tenantId = db.Tenant.RequiredTenantId;
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
            if (StatementPeriod.Resolve(from, to, tenant.LocalDate(clock.GetUtcNow())) is not { } period)
            {
                return (null, Problem.PeriodInvalid);
            }
            // The card in use: an active one first, then the newest.
            var card = await db.Cards.AsNoTracking().Where(k => k.CustomerId == customerId)
                .OrderBy(k => k.Status != CardStatus.Active).ThenByDescending(k => k.IssuedAt)
                .Select(k => k.Number).FirstOrDefaultAsync(cancellationToken);
            return (new Subject(customer.Id, customer.AccountHolderId, customer.Name,
                CustomerDocument.Masked(customer.PersonType, customer.Document), card, period, tenant.TimeZone), Problem.None);
        }
    }
}
