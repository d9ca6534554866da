namespace Loyalty.Web.Features.Redemptions;

/// <summary>Where the counter screen stands: the store served, the card presented, the campaign chosen and its tab.
/// The counter's forms post these back, so a refused form shows the same screen again with nothing lost.</summary>
public class CounterQuery
{
    public const string PrizesTab = "premios";
    public const string CancellationsTab = "cancelamentos";
    public const string GiftsTab = "brindes";

    public Guid? StoreId { get; set; }

    public Guid? CardId { get; set; }

    public Guid? CampaignId { get; set; }

    public string? Tab { get; set; }

    public string Url(Guid customerId, string? tab = null, Guid? campaignId = null)
    {
        var query = new Dictionary<string, string?>
        {
            [nameof(StoreId)] = StoreId?.ToString(),
            [nameof(CardId)] = CardId?.ToString(),
            [nameof(CampaignId)] = (campaignId ?? CampaignId)?.ToString(),
            [nameof(Tab)] = tab ?? Tab,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/resgates/{customerId}",
            query.Where(p => p.Value is not null));
    }
}
