using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Categories;

namespace Loyalty.Domain.Purchases;

/// <summary>
/// A snapshot of everything one tenant's earning depends on besides the purchase itself (SPEC §5): the rate, the default
/// antifraud rules, the time zone of its local days and its categories. It is read once and shared by the tenant's
/// purchases until one of these changes, so its members are never modified (the categories are detached copies).
/// <see cref="Campaigns"/> holds the campaigns a purchase may earn from, with the tenant's rate as their default.
/// </summary>
public sealed record EarningRules(
    decimal PointsPerReal,
    AntifraudRules DefaultRules,
    TimeZoneInfo Zone,
    IReadOnlyDictionary<Guid, CustomerCategory> Categories,
    CampaignRuleSet Campaigns)
{
    public CustomerCategory? Category(Guid id) => Categories.GetValueOrDefault(id);
}
