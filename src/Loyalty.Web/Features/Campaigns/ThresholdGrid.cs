using Loyalty.Domain.Campaigns;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Período", first sub-tab (seed 001): the extra-points period, the points to reach in it and the extra points.</summary>
public static class ThresholdGrid
{
    public sealed class Row : IGridRow
    {
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public long? ThresholdPoints { get; set; }
        public long? ExtraPoints { get; set; }

        public bool IsBlank => StartDate is null && EndDate is null && ThresholdPoints is null && ExtraPoints is null;
    }

    public sealed class Form : RuleGrid<Row>;

    public sealed class Handler(LoyaltyDbContext db, IStringLocalizer<SharedResource> l) : RuleGridHandler<Form, Row>(db, l)
    {
        protected override Task<List<Row>> RowsOfAsync(Campaign campaign, CancellationToken cancellationToken) =>
            Task.FromResult(campaign.ThresholdAwards.OrderBy(a => a.StartDate).Select(a => new Row
            {
                StartDate = a.StartDate, EndDate = a.EndDate, ThresholdPoints = a.ThresholdPoints, ExtraPoints = a.ExtraPoints,
            }).ToList());

        protected override Task<Action<Campaign>> CheckRowsAsync(Campaign campaign, Form form, List<FieldError> errors, CancellationToken cancellationToken)
        {
            var awards = new List<(DateOnly, DateOnly, long, long)>();
            foreach (var (i, row) in form.Filled)
            {
                if (!(Required(errors, i, nameof(Row.StartDate), row.StartDate) & Required(errors, i, nameof(Row.EndDate), row.EndDate)
                      & Required(errors, i, nameof(Row.ThresholdPoints), row.ThresholdPoints) & Required(errors, i, nameof(Row.ExtraPoints), row.ExtraPoints)))
                {
                    continue;
                }
                var (start, end, threshold, extra) = (row.StartDate!.Value, row.EndDate!.Value, row.ThresholdPoints!.Value, row.ExtraPoints!.Value);
                if (end < start)
                {
                    errors.Add(RowError(i, nameof(Row.EndDate), "Campaign.PeriodInvalid"));
                }
                else if (start < campaign.StartDate || end > campaign.EndDate)
                {
                    errors.Add(RowError(i, nameof(Row.StartDate), "Campaign.ExtraPeriodOutside"));
                }
                // The threshold and the extra points are checked apart, so each wrong one gets its message.
                Check(errors, i, nameof(Row.ThresholdPoints), () => ThresholdAward.Of(campaign.Id, start, start, threshold, 1));
                Check(errors, i, nameof(Row.ExtraPoints), () => ThresholdAward.Of(campaign.Id, start, start, 1, extra));
                awards.Add((start, end, threshold, extra));
            }
            return Task.FromResult<Action<Campaign>>(c => c.SetThresholdAwards(awards));
        }
    }
}
