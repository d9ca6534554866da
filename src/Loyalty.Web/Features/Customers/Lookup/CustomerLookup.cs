using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Blocks;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers.Lookup;

/// <summary>
/// The POS's "who is this?" (SPEC §10 GET /api/v1/customers/{identifier}): a card number, a CPF/CNPJ with or without
/// punctuation, or the customer id the registration answered with. A card number wins over a document when the same
/// digits could be both (cards are what POS terminals read). A dependent is answered as themself, with their own card.
/// </summary>
public static class CustomerLookup
{
    public sealed record CustomerSummary(
        Guid CustomerId,
        string Name,
        string? CardNumber,
        string? CardStatus,
        string? CardStatusName,
        DateOnly? CardExpiresOn,
        bool CardExpired,
        string Category,
        decimal Multiplier,
        long Balance,
        long ExpiringIn30Days,
        bool RedemptionBlocked,
        string? Rfv);

    public sealed class Handler(LoyaltyDbContext db, RedemptionBlocks blocks, AccountPoints points, TimeProvider clock,
        Purchases.TenantRulesCache tenantRules, IStringLocalizer<SharedResource> l)
    {
        public async Task<CustomerSummary?> FindAsync(string? identifier, CancellationToken cancellationToken)
        {
            var (customerId, card) = await ResolveAsync(identifier, cancellationToken);
            if (customerId is not { } id)
            {
                return null;
            }
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new
                {
                    c.Id, c.Name, c.CategoryId, AccountId = c.AccountHolderId, c.TenantId,
                    // The class belongs to the account holder: a dependent's card answers its titular's, like the balance.
                    Rfv = db.Customers.Where(h => h.Id == c.AccountHolderId).Select(h => h.RfvClass).FirstOrDefault(),
                }).SingleAsync(cancellationToken);
            // Without a card presented, the card a purchase by document would earn with (SPEC §8): an Active one first.
            card ??= await db.Cards.AsNoTracking().Where(k => k.CustomerId == id)
                .OrderBy(k => k.Status != Domain.Cards.CardStatus.Active).ThenByDescending(k => k.ExpiresOn).ThenByDescending(k => k.IssuedAt)
                .FirstOrDefaultAsync(cancellationToken);
            // The tenant's zone from the rules every server keeps in memory: no round trip for "today".
            var zone = (await tenantRules.GetAsync(customer.TenantId, cancellationToken)).Zone;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
            var category = await db.CustomerCategories.AsNoTracking().Where(c => c.Id == customer.CategoryId)
                .Select(c => new { c.Name, c.Multiplier }).SingleAsync(cancellationToken);
            var blocked = await blocks.IsBlockedAsync(customer.Id, cancellationToken);
            // Points belong to the titular's account: a dependent's card shows the titular's balance.
            var account = await points.ReadAsync(customer.AccountId, cancellationToken);
            return new CustomerSummary(
                customer.Id,
                customer.Name,
                card?.Number,
                card?.Status.Code(),
                card is null ? null : l["CardStatus." + card.Status].Value,
                card?.ExpiresOn,
                card?.IsExpiredOn(today) ?? false,
                category.Name,
                category.Multiplier,
                account.Balance,
                account.ExpiringSoon,
                blocked,
                // The latest daily close's class; null until a close has found a purchase of the holder in the window.
                Rfv: customer.Rfv);
        }

        /// <summary>The customer an identifier names (card number, CPF/CNPJ or id), or null; for endpoints that need
        /// the customer without the POS summary (the tenant's statement).</summary>
        public async Task<Guid?> FindIdAsync(string? identifier, CancellationToken cancellationToken) =>
            (await ResolveAsync(identifier, cancellationToken)).CustomerId;

        private async Task<(Guid? CustomerId, Card? Card)> ResolveAsync(string? identifier, CancellationToken cancellationToken)
        {
            if (Guid.TryParse(identifier, out var id))
            {
                return (await db.Customers.AnyAsync(c => c.Id == id, cancellationToken) ? id : null, null);
            }
            if (CustomerIdentifier.Parse(identifier) is not { } parsed)
            {
                return (null, null);
            }
            if (parsed.CardNumber is { } number
                && await db.Cards.AsNoTracking().SingleOrDefaultAsync(k => k.Number == number, cancellationToken) is { } card)
            {
                return (card.CustomerId, card);
            }
            var document = parsed.Document;
            return document is null ? (null, null)
                : (await db.Customers.Where(c => c.Document == document).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken), null);
        }
    }
}
