using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Common;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>
/// "Filiais participantes" (seed 001): every store of the tenant with a participate flag and, per store, its own period,
/// hours, share and forecasts. "Atualizar Previsão com Dados Campanha" and "Atualizar Período com Dados Campanha" fill
/// the grid from the campaign without saving; Confirm replaces the participating stores (shares add up to 100 %).
/// </summary>
public static class CampaignStoresGrid
{
    public const string SplitForecast = "forecast";
    public const string FillPeriod = "period";

    public sealed class Row
    {
        public Guid StoreId { get; set; }

        [BindNever]
        public string Store { get; set; } = string.Empty;

        public bool Participates { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? EndDate { get; set; }
        public TimeOnly? StartTime { get; set; }
        public TimeOnly? EndTime { get; set; }
        public decimal? SharePercent { get; set; }
        public decimal? ForecastSales { get; set; }
        public decimal? ForecastProfit { get; set; }
        public int? ForecastCustomers { get; set; }

        public CampaignStoreTerms Terms => new(StoreId, StartDate, EndDate, StartTime, EndTime, SharePercent ?? 0m, ForecastSales,
            ForecastProfit, ForecastCustomers);

        public void Take(CampaignStoreTerms t)
        {
            (StartDate, EndDate, StartTime, EndTime, SharePercent) = (t.StartDate, t.EndDate, t.StartTime, t.EndTime, t.SharePercent);
            (ForecastSales, ForecastProfit, ForecastCustomers) = (t.ForecastSales, t.ForecastProfit, t.ForecastCustomers);
        }
    }

    public sealed class Form
    {
        public List<Row> Rows { get; set; } = [];

        [BindNever]
        public CampaignHeader? Campaign { get; set; }

        [BindNever]
        public (decimal? Sales, decimal? Profit, int? Customers) Forecast { get; set; }

        public List<(int Index, Row Row)> Participating => [.. Rows.Select((row, index) => (index, row)).Where(r => r.row.Participates)];
    }

    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        ["Campaign.StorePeriodInvalid"] = nameof(Row.EndDate),
        ["Campaign.StoreHoursInvalid"] = nameof(Row.EndTime),
        ["Campaign.ShareInvalid"] = nameof(Row.SharePercent),
        ["Campaign.ForecastInvalid"] = nameof(Row.ForecastSales),
    };

    public sealed class Handler(LoyaltyDbContext db, IStringLocalizer<SharedResource> l)
    {
        /// <returns>Null when the campaign does not exist in the tenant.</returns>
        public async Task<Form?> LoadAsync(Guid id, CancellationToken cancellationToken)
        {
            if (await db.Campaigns.AsNoTracking().Include(c => c.Stores).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
            {
                return null;
            }
            var form = new Form();
            foreach (var store in await db.Stores.AsNoTracking().OrderBy(s => s.Code).ToListAsync(cancellationToken))
            {
                var row = new Row { StoreId = store.Id };
                if (campaign.Stores.FirstOrDefault(s => s.StoreId == store.Id) is { } taking)
                {
                    row.Participates = true;
                    row.Take(taking.Terms);
                }
                if (store.IsActive || row.Participates)
                {
                    form.Rows.Add(row);
                }
            }
            return await DescribeAsync(form, campaign, cancellationToken);
        }

        /// <summary>Puts back what is not posted (the campaign, the stores' names) and drops rows naming no store of the tenant.</summary>
        /// <returns>Null when the campaign does not exist in the tenant.</returns>
        public async Task<Form?> DescribeAsync(Guid id, Form form, CancellationToken cancellationToken) =>
            await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } campaign
                ? await DescribeAsync(form, campaign, cancellationToken)
                : null;

        /// <summary>"Atualizar Previsão com Dados Campanha": the campaign's forecasts split among the participating stores.</summary>
        public void SplitForecast(Form form)
        {
            var participating = form.Participating;
            var split = Campaign.SplitForecast([.. participating.Select(p => p.Row.Terms)], form.Forecast.Sales, form.Forecast.Profit, form.Forecast.Customers);
            for (var i = 0; i < participating.Count; i++)
            {
                participating[i].Row.Take(split[i]);
            }
        }

        /// <summary>"Atualizar Período com Dados Campanha": the participating stores take the campaign's period, all day.</summary>
        public async Task FillPeriodAsync(Guid id, Form form, CancellationToken cancellationToken)
        {
            var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            var participating = form.Participating;
            var filled = campaign.WithCampaignPeriod([.. participating.Select(p => p.Row.Terms)]);
            for (var i = 0; i < participating.Count; i++)
            {
                var (row, period) = (participating[i].Row, filled[i]);
                (row.StartDate, row.EndDate, row.StartTime, row.EndTime) = (period.StartDate, period.EndDate, period.StartTime, period.EndTime);
            }
        }

        /// <param name="checkOnly">Only report the rows' errors (some value could not even be read): save nothing.</param>
        /// <returns>Null when the campaign does not exist in the tenant.</returns>
        public async Task<CommandResult<bool>?> SaveAsync(Guid id, Form form, bool checkOnly, CancellationToken cancellationToken)
        {
            if (await db.Campaigns.Include(c => c.Stores).Include(c => c.Concessions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
                is not { } campaign)
            {
                return null;
            }
            var errors = new List<FieldError>();
            foreach (var (index, row) in form.Participating)
            {
                if (row.SharePercent is null)
                {
                    errors.Add(new FieldError($"Rows[{index}].{nameof(Row.SharePercent)}", l["Validation.Required"]));
                    continue;
                }
                try
                {
                    if (!CampaignStore.Of(id, row.Terms).FitsIn(campaign.StartDate, campaign.EndDate))
                    {
                        errors.Add(new FieldError($"Rows[{index}].{nameof(Row.StartDate)}", l["Campaign.StorePeriodOutside"]));
                    }
                }
                catch (DomainException error)
                {
                    var field = error.ToField(l, FieldsByCode, nameof(Row.SharePercent));
                    errors.Add(field with { Field = $"Rows[{index}].{field.Field}" });
                }
            }
            if (errors.Count > 0 || checkOnly)
            {
                return errors.Count > 0 ? CommandResult<bool>.Failure(errors) : CommandResult<bool>.Success(false);
            }
            try
            {
                campaign.SetStores(form.Participating.Select(p => p.Row.Terms));
            }
            catch (DomainException error)
            {
                return CommandResult<bool>.Failure(CampaignErrors.Grid, l[error.Code, error.Arguments]);
            }
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<bool>.Success(true);
        }

        private async Task<Form> DescribeAsync(Form form, Campaign campaign, CancellationToken cancellationToken)
        {
            var stores = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code + " — " + s.Name, cancellationToken);
            form.Rows.RemoveAll(r => !stores.ContainsKey(r.StoreId));
            form.Rows.ForEach(r => r.Store = stores[r.StoreId]);
            form.Campaign = CampaignHeader.Of(campaign);
            form.Forecast = (campaign.ForecastSales, campaign.ForecastProfit, campaign.ForecastCustomers);
            return form;
        }
    }
}
