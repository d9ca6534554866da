using System.Text.Json;
using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>Everything a campaign says on one page — main data, stores, and the rules of its classification — with the
/// history of its main data (situation changes included) from the audit log.</summary>
public static class CampaignSummary
{
    public sealed record StoreRow(string Store, CampaignStoreTerms Terms);

    public sealed record HistoryRow(DateTimeOffset At, string Actor, AuditAction Action, List<Change> Changes);

    /// <summary>One field of the main data changed (<see cref="Label"/> is its resource key); a situation or classification
    /// is named by its enum value.</summary>
    public sealed record Change(string Field, string Label, string? Before, string? After);

    /// <summary>The main data's fields worth showing in the history, with their labels.</summary>
    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(Campaign.Description)] = "Campaign.Description", [nameof(Campaign.StartDate)] = "Campaign.StartDate",
        [nameof(Campaign.EndDate)] = "Campaign.EndDate", [nameof(Campaign.TypeId)] = "Campaign.Type",
        [nameof(Campaign.Situation)] = "Campaign.Situation", [nameof(Campaign.Classification)] = "Campaign.Classification",
        [nameof(Campaign.CategoryIds)] = "Campaign.Categories", [nameof(Campaign.Observation)] = "Campaign.Observation",
        [nameof(Campaign.ForecastSales)] = "Campaign.ForecastSales", [nameof(Campaign.ForecastProfit)] = "Campaign.ForecastProfit",
        [nameof(Campaign.ForecastCustomers)] = "Campaign.ForecastCustomers",
    };

    public sealed record Result(
        CampaignHeader Campaign, string Type, List<string> Categories, string? Observation, decimal? ForecastSales, decimal? ForecastProfit,
        int? ForecastCustomers, List<StoreRow> Stores, Campaign Rules, Names Names, List<HistoryRow> History);

    /// <summary>Display names of the stores, catalogue groups and products the rules point at.</summary>
    public sealed record Names(Dictionary<Guid, string> Stores, Dictionary<Guid, string> Groups, Dictionary<Guid, string> Products)
    {
        public string Store(Guid? id) => id is { } value && Stores.TryGetValue(value, out var name) ? name : string.Empty;
        public string Group(Guid? id) => id is { } value && Groups.TryGetValue(value, out var name) ? name : string.Empty;
        public string Product(Guid id) => Products.TryGetValue(id, out var name) ? name : id.ToString();
    }

    public sealed class Handler(LoyaltyDbContext db)
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
            var history = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(Campaign) && e.EntityId == key)
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(20)
                .Select(e => new { e.OccurredAt, e.Actor, e.Action, e.Before, e.After })
                .ToListAsync(cancellationToken);
            var stores = campaign.Stores.Select(s => new StoreRow(names.Store(s.StoreId), s.Terms)).OrderBy(s => s.Store).ToList();
            return new Result(CampaignHeader.Of(campaign), type, categories, campaign.Observation, campaign.ForecastSales,
                campaign.ForecastProfit, campaign.ForecastCustomers, stores, campaign, names,
                [.. history.Select(e => new HistoryRow(e.OccurredAt, e.Actor, e.Action, e.Action == AuditAction.Updated ? Changes(e.Before, e.After) : []))]);
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

    /// <summary>The fields an update changed, from the audit entry's before/after values.</summary>
    private static List<Change> Changes(string? before, string? after)
    {
        var old = Values(before);
        return [.. Values(after).Where(v => Labels.ContainsKey(v.Key))
            .Select(v => new Change(v.Key, Labels[v.Key], Display(v.Key, old.GetValueOrDefault(v.Key)), Display(v.Key, v.Value)))];
    }

    private static Dictionary<string, JsonElement> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];

    private static string? Display(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number when field == nameof(Campaign.Situation) && value.TryGetInt32(out var n) => ((CampaignSituation)n).ToString(),
        JsonValueKind.Number when field == nameof(Campaign.Classification) && value.TryGetInt32(out var n) => ((CampaignClassification)n).ToString(),
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
