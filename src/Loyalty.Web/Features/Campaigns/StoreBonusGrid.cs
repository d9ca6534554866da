using Loyalty.Domain.Campaigns;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Estabelecimento" (seed 001): extra points for each purchase at a participating store, to bring customers to
/// the quieter ones.</summary>
public static class StoreBonusGrid
{
    public sealed class Row : IGridRow
    {
        public Guid? StoreId { get; set; }
        public long? ExtraPoints { get; set; }

        public bool IsBlank => StoreId is null && ExtraPoints is null;
    }

    public sealed class Form : RuleGrid<Row>
    {
        [BindNever]
        public List<SelectListItem> Stores { get; set; } = [];
    }

    public sealed class Handler(LoyaltyDbContext db, IStringLocalizer<SharedResource> l) : RuleGridHandler<Form, Row>(db, l)
    {
        protected override Task<List<Row>> RowsOfAsync(Campaign campaign, CancellationToken cancellationToken) =>
            Task.FromResult(campaign.StoreBonuses.Select(b => new Row { StoreId = b.StoreId, ExtraPoints = b.ExtraPoints }).ToList());

        protected override Task<Action<Campaign>> CheckRowsAsync(Campaign campaign, Form form, List<FieldError> errors, CancellationToken cancellationToken)
        {
            var bonuses = new List<(int Index, Guid StoreId, long Points)>();
            foreach (var (i, row) in form.Filled)
            {
                if (Required(errors, i, nameof(Row.StoreId), row.StoreId) & Required(errors, i, nameof(Row.ExtraPoints), row.ExtraPoints))
                {
                    if (campaign.Stores.All(s => s.StoreId != row.StoreId))
                    {
                        errors.Add(RowError(i, nameof(Row.StoreId), "Campaign.StoreNotParticipating"));
                    }
                    Check(errors, i, nameof(Row.ExtraPoints), () => StoreBonus.Of(campaign.Id, row.StoreId!.Value, row.ExtraPoints!.Value));
                    bonuses.Add((i, row.StoreId!.Value, row.ExtraPoints!.Value));
                }
            }
            Repeated(errors, nameof(Row.StoreId), bonuses.Select(b => (b.Index, b.StoreId)));
            return Task.FromResult<Action<Campaign>>(c => c.SetStoreBonuses(bonuses.Select(b => (b.StoreId, b.Points))));
        }

        protected override async Task DescribeAsync(Form form, Campaign campaign, CancellationToken cancellationToken)
        {
            await base.DescribeAsync(form, campaign, cancellationToken);
            form.Stores = await ParticipatingStoresAsync(campaign, cancellationToken);
        }
    }
}
