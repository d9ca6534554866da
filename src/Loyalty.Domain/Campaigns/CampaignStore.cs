using Loyalty.Domain.Common;

namespace Loyalty.Domain.Campaigns;

/// <summary>
/// A store taking part in a campaign, with its own period (inside the campaign's) and hours when the store runs the
/// campaign only part of the day, and its share of the campaign's forecasts. Hours that end before they start run past
/// midnight (22:00–06:00).
/// </summary>
public class CampaignStore : ITenantOwned, IAudited
{
    private CampaignStore()
    {
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid StoreId { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public TimeOnly? StartTime { get; private set; }
    public TimeOnly? EndTime { get; private set; }
    public decimal SharePercent { get; private set; }
    public decimal? ForecastSales { get; private set; }
    public decimal? ForecastProfit { get; private set; }
    public int? ForecastCustomers { get; private set; }

    public static CampaignStore Of(Guid campaignId, CampaignStoreTerms terms)
    {
        if (terms.StartDate is { } start && terms.EndDate is { } end && end < start)
        {
            throw new DomainException("Campaign.StorePeriodInvalid");
        }
        if (terms.StartTime.HasValue != terms.EndTime.HasValue || (terms.StartTime is { } from && from == terms.EndTime))
        {
            throw new DomainException("Campaign.StoreHoursInvalid");
        }
        if (terms.SharePercent is < 0 or > 100 || decimal.Round(terms.SharePercent, 2) != terms.SharePercent)
        {
            throw new DomainException("Campaign.ShareInvalid");
        }
        if (terms.ForecastSales < 0 || terms.ForecastProfit < 0 || terms.ForecastCustomers < 0)
        {
            throw new DomainException("Campaign.ForecastInvalid");
        }
        return new CampaignStore
        {
            CampaignId = campaignId,
            StoreId = terms.StoreId,
            StartDate = terms.StartDate,
            EndDate = terms.EndDate,
            StartTime = terms.StartTime,
            EndTime = terms.EndTime,
            SharePercent = terms.SharePercent,
            ForecastSales = terms.ForecastSales,
            ForecastProfit = terms.ForecastProfit,
            ForecastCustomers = terms.ForecastCustomers,
        };
    }

    public CampaignStoreTerms Terms => new(StoreId, StartDate, EndDate, StartTime, EndTime, SharePercent, ForecastSales, ForecastProfit, ForecastCustomers);

    public bool FitsIn(DateOnly campaignStart, DateOnly campaignEnd) =>
        (StartDate is not { } start || (start >= campaignStart && start <= campaignEnd))
        && (EndDate is not { } end || (end >= campaignStart && end <= campaignEnd));

    /// <summary>Inside the store's own period (when set) and hours (when set), at a local date-time of the tenant.</summary>
    public bool IsOpenAt(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        if ((StartDate is { } start && date < start) || (EndDate is { } end && date > end))
        {
            return false;
        }
        if (StartTime is not { } from || EndTime is not { } to)
        {
            return true;
        }
        var time = TimeOnly.FromDateTime(local);
        return from < to ? time >= from && time < to : time >= from || time < to;
    }
}

/// <summary>A participating store as typed.</summary>
public sealed record CampaignStoreTerms(
    Guid StoreId, DateOnly? StartDate, DateOnly? EndDate, TimeOnly? StartTime, TimeOnly? EndTime, decimal SharePercent,
    decimal? ForecastSales = null, decimal? ForecastProfit = null, int? ForecastCustomers = null);
