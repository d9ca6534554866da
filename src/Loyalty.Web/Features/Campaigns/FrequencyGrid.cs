using Loyalty.Domain.Campaigns;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Frequência" (seed 001): so many purchases totalling at least an amount within a window of days (or the
/// whole campaign) earn bonus points.</summary>
public static class FrequencyGrid
{
    public sealed class Row : IGridRow
    {
        public int? Purchases { get; set; }
        public decimal? MinimumAmount { get; set; }
        public int? WindowDays { get; set; }
        public long? BonusPoints { get; set; }

        public bool IsBlank => Purchases is null && MinimumAmount is null && WindowDays is null && BonusPoints is null;
    }

    public sealed class Form : RuleGrid<Row>;

    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        ["Campaign.FrequencyPurchasesInvalid"] = nameof(Row.Purchases),
        ["Campaign.AmountInvalid"] = nameof(Row.MinimumAmount),
        ["Campaign.WindowDaysInvalid"] = nameof(Row.WindowDays),
        ["Campaign.BonusPointsInvalid"] = nameof(Row.BonusPoints),
    };

    public sealed class Handler(LoyaltyDbContext db, IStringLocalizer<SharedResource> l) : RuleGridHandler<Form, Row>(db, l)
    {
        protected override Task<List<Row>> RowsOfAsync(Campaign campaign, CancellationToken cancellationToken) =>
            Task.FromResult(campaign.FrequencyBonuses.OrderBy(b => b.PurchasesRequired).Select(b => new Row
            {
                Purchases = b.PurchasesRequired, MinimumAmount = b.MinimumAmount, WindowDays = b.WindowDays, BonusPoints = b.BonusPoints,
            }).ToList());

        protected override Task<Action<Campaign>> CheckRowsAsync(Campaign campaign, Form form, List<FieldError> errors, CancellationToken cancellationToken)
        {
            var bonuses = new List<(int, decimal, int?, long)>();
            foreach (var (i, row) in form.Filled)
            {
                if (!(Required(errors, i, nameof(Row.Purchases), row.Purchases) & Required(errors, i, nameof(Row.BonusPoints), row.BonusPoints)))
                {
                    continue;
                }
                // Each of the factory's rules is checked on its own, so every wrong field of the row gets its message.
                var (purchases, minimum, window, bonus) = (row.Purchases!.Value, row.MinimumAmount ?? 0m, row.WindowDays, row.BonusPoints!.Value);
                foreach (var field in FieldsByCode.Values)
                {
                    Check(errors, i, field, () => FrequencyBonus.Of(campaign.Id,
                        field == nameof(Row.Purchases) ? purchases : 1, field == nameof(Row.MinimumAmount) ? minimum : 0m,
                        field == nameof(Row.WindowDays) ? window : null, field == nameof(Row.BonusPoints) ? bonus : 1));
                }
                bonuses.Add((purchases, minimum, window, bonus));
            }
            return Task.FromResult<Action<Campaign>>(c => c.SetFrequencyBonuses(bonuses));
        }
    }
}
