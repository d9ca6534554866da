namespace Loyalty.Domain.Campaigns;

/// <summary>
/// What an account did so far in one window of a frequency bonus or in a threshold award's period: the running totals
/// the bonus rules of SPEC §5 step 2 need, kept with the purchase instead of re-reading the customer's history, and
/// whether the once-only award was given. Keyed by rule, account and window start.
/// </summary>
public class CampaignProgress : Common.ITenantOwned
{
    private CampaignProgress()
    {
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid CampaignId { get; private set; }
    public CampaignProgressKind Kind { get; private set; }
    public long RuleId { get; private set; }
    public Guid AccountId { get; private set; }
    public DateOnly WindowStart { get; private set; }
    public int Purchases { get; private set; }
    public decimal Amount { get; private set; }
    public long Points { get; private set; }
    public DateTimeOffset? AwardedAt { get; private set; }
}

public enum CampaignProgressKind
{
    Frequency = 1,
    Threshold = 2,
}
