using Loyalty.Domain.Common;

namespace Loyalty.Domain.Campaigns;

/// <summary>A tenant's own kind of campaign ("temporária", "promocional" …, seed 001 "F7 Tipos"): a label to group
/// campaigns by; it changes no rule.</summary>
public class CampaignType : ITenantOwned, IAudited
{
    public const int NameMaxLength = 60;

    private CampaignType()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; }

    public static CampaignType Create(string name, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = Guard.Text(name, NameMaxLength, "Campaign.TypeNameRequired") };

    public void Rename(string name) => Name = Guard.Text(name, NameMaxLength, "Campaign.TypeNameRequired");

    /// <summary>A type still given to a campaign is kept: the campaign would lose its label.</summary>
    public static void EnsureDeletable(bool inUse)
    {
        if (inUse)
        {
            throw new DomainException("Campaign.TypeInUse");
        }
    }
}
