using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Blocks;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Features.Purchases;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// What every counter operation starts from (SPEC §7): the store the user serves at (a Cashier's or StoreManager's own,
/// any store for a TenantAdmin), the customer and the card presented, the campaigns open at that store now in the
/// tenant's local time, and the rules of <see cref="RedemptionRules"/> as they stand. A store, card or campaign the
/// user may not use is answered like one that does not exist.
/// </summary>
public sealed class CounterContext(
    LoyaltyDbContext db, StoreScope scope, RedemptionBlocks blocks, AccountPoints points, TenantRulesCache tenantRules, TimeProvider clock)
{
    public sealed record StoreChoice(Guid Id, string Label);

    /// <param name="AccountId">The titular's account, where the points are.</param>
    /// <param name="TitularScope">The titular's "who can redeem", which governs a dependent's card.</param>
    public sealed record CounterCustomer(Guid Id, string Name, PersonType PersonType, string Document, Guid CategoryId, Guid AccountId,
        Guid? TitularId, string? TitularName, RedeemScope TitularScope)
    {
        public bool IsDependent => TitularId is not null;
    }

    public sealed record PresentedCard(Guid Id, string Number, CardStatus Status);

    public Task<List<StoreChoice>> StoresAsync(CancellationToken cancellationToken) =>
        scope.Apply(db.Stores.AsNoTracking()).Where(s => s.IsActive).OrderBy(s => s.Code)
            .Select(s => new StoreChoice(s.Id, s.Code + " — " + s.Name)).ToListAsync(cancellationToken);

    /// <summary>The store chosen, when the user may serve there; without a choice, the only store they may serve at.</summary>
    public async Task<StoreChoice?> StoreAsync(Guid? storeId, CancellationToken cancellationToken)
    {
        var stores = await StoresAsync(cancellationToken);
        return storeId is { } id ? stores.FirstOrDefault(s => s.Id == id) : stores.Count == 1 ? stores[0] : null;
    }

    public Task<CounterCustomer?> CustomerAsync(Guid customerId, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new CounterCustomer(c.Id, c.Name, c.PersonType, c.Document, c.CategoryId, c.AccountHolderId, c.TitularId,
                db.Customers.Where(t => t.Id == c.TitularId).Select(t => t.Name).FirstOrDefault(),
                c.TitularId == null ? c.RedeemScope : db.Customers.Where(t => t.Id == c.TitularId).Select(t => t.RedeemScope).First()))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The card presented (it must be this customer's), or the customer's main card when none was named:
    /// the active one issued last, else the one issued last. Null when the customer has no card, or the card named is not theirs.</summary>
    public Task<PresentedCard?> CardAsync(Guid customerId, Guid? cardId, CancellationToken cancellationToken)
    {
        var cards = db.Cards.AsNoTracking().Where(k => k.CustomerId == customerId);
        if (cardId is { } id)
        {
            cards = cards.Where(k => k.Id == id);
        }
        return cards.OrderByDescending(k => k.Status == CardStatus.Active).ThenByDescending(k => k.IssuedAt)
            .Select(k => new PresentedCard(k.Id, k.Number, k.Status)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Now on the tenant's wall clock: campaign periods and store hours are local.</summary>
    public async Task<DateTime> LocalNowAsync(CancellationToken cancellationToken) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), await ZoneAsync(cancellationToken)).DateTime;

    /// <summary>The tenant's time zone, from the tenant's cached rules.</summary>
    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken) =>
        (await tenantRules.GetAsync(db.Tenant.RequiredTenantId, cancellationToken)).Zone;

    /// <summary>The active campaigns the store takes part in at this moment (period, the store's own period and hours).</summary>
    public async Task<List<Campaign>> OpenCampaignsAsync(Guid storeId, DateTime localNow, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(localNow);
        var candidates = await db.Campaigns.AsNoTracking().Include(c => c.Stores)
            .Where(c => c.Situation == CampaignSituation.Active && c.StartDate <= today && c.EndDate >= today
                        && c.Stores.Any(s => s.StoreId == storeId))
            .OrderBy(c => c.EndDate).ThenBy(c => c.Description).ToListAsync(cancellationToken);
        return [.. candidates.Where(c => c.IsOpenAt(storeId, localNow))];
    }

    /// <summary>A campaign of the tenant with its stores, open or not (the rules say whether it may be used now).</summary>
    public Task<Campaign?> CampaignAsync(Guid campaignId, CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().Include(c => c.Stores).SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);

    /// <summary>The facts the rules of SPEC §7 need, read now. The balance read here is advisory: the ledger checks it
    /// again under the account's lock, which is what stops two cashiers overdrawing it.</summary>
    public async Task<RedemptionCheck> CheckAsync(CounterCustomer customer, PresentedCard? card, bool campaignOpen, long pointsToRedeem,
        CancellationToken cancellationToken)
    {
        var blocked = await blocks.IsBlockedAsync(customer.Id, cancellationToken);
        var balance = (await points.ReadAsync(customer.AccountId, cancellationToken)).Balance;
        return new RedemptionCheck(campaignOpen, blocked, card?.Status, customer.IsDependent, customer.TitularScope == RedeemScope.AllCards,
            balance, pointsToRedeem);
    }
}
