using Loyalty.Domain.Campaigns;
using Loyalty.Web.Features.Audit;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>Everything a campaign says on one page — main data, stores, and the rules of its classification — with the
/// history of its main data (situation changes included) from the audit log.</summary>
public static class CampaignSummary
{
    public sealed record StoreRow(string Store, CampaignStoreTerms Terms);

    public sealed record Result(
        CampaignHeader Campaign, string Type, List<string> Categories, string? Observation, decimal? ForecastSales, decimal? ForecastProfit,
        int? ForecastCustomers, List<StoreRow> Stores, Campaign Rules, Names Names, List<AuditChange> History);

    /// <summary>Display names of the stores, catalogue groups and products the rules point at.</summary>
    public sealed record Names(Dictionary<Guid, string> Stores, Dictionary<Guid, string> Groups, Dictionary<Guid, string> Products)
    {
        public string Store(Guid? id) => id is { } value && Stores.TryGetValue(value, out var name) ? name : string.Empty;
        public string Group(Guid? id) => id is { } value && Groups.TryGetValue(value, out var name) ? name : string.Empty;
        public string Product(Guid id) => Products.TryGetValue(id, out var name) ? name : id.ToString();
    }

    public sealed class Handler(LoyaltyDbContext db, RecordNames recordNames, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result?> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var campaign = await db.Campaigns.AsNoTracking().WithRules().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (campaign is null)
            {
                return null;
            }
            var type = await db.CampaignTypes.Where(t => t.Id == campaign.TypeId).Select(t => t.Name).SingleAsync(cancellationToken);
            var categories = await db.CustomerCategories.Where(c => campaign.CategoryIds.Contains(c.Id)).OrderBy(c => c.Name)
                .Select(c => c.Name).ToListAsync(cancellationToken);
            var names = await NamesAsync(campaign, cancellationToken);
            var key = id.ToString();
            var history = await HistoryAsync(key, cancellationToken);
            var stores = campaign.Stores.Select(s => new StoreRow(names.Store(s.StoreId), s.Terms)).OrderBy(s => s.Store).ToList();
            return new Result(CampaignHeader.Of(campaign), type, categories, campaign.Observation, campaign.ForecastSales,
                campaign.ForecastProfit, campaign.ForecastCustomers, stores, campaign, names,
                history);
        }

        // The newest changes of the main data, read by the audit log's own formatter so both screens say the same.
        private async Task<List<AuditChange>> HistoryAsync(string key, CancellationToken cancellationToken)
        {
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(Campaign) && e.EntityId == key)
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(20)
                .Select(e => new AuditEntryRow(e.Id, e.OccurredAt, e.UserId, e.Actor, e.EntityType, e.EntityId, e.Action, e.Before, e.After))
                .ToListAsync(cancellationToken);
            var names = await recordNames.ResolveAsync(entries.SelectMany(AuditFormatter.Wanted), cancellationToken);
            var formatter = new AuditFormatter(l, await AuditLog.TenantZoneAsync(db, cancellationToken), names);
            return [.. entries.Select(formatter.Format)];
        }

        private async Task<Names> NamesAsync(Campaign campaign, CancellationToken cancellationToken)
        {
            var productIds = campaign.Prizes.Select(p => p.ProductId).Concat(campaign.ProductPoints.Select(p => p.ProductId))
                .Concat(campaign.Discounts.Select(d => d.ProductId))
                .Concat(campaign.GiftRules.SelectMany(g => new[] { g.ProductId, g.GiftProductId })).Distinct().ToList();
            var stores = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code + " — " + s.Name, cancellationToken);
            var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code + " — " + d.Name, cancellationToken);
            var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code + " — " + s.Name, cancellationToken);
            var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.Code + " — " + p.Description, cancellationToken);
            return new Names(stores, departments.Concat(sections).ToDictionary(), products);
        }
    }
}
