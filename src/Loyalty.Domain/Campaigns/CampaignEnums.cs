namespace Loyalty.Domain.Campaigns;

/// <summary>The campaign's situation (seed 001 "Situação"). Only an Active campaign earns or redeems.</summary>
public enum CampaignSituation
{
    Active,
    Pending,
    Cancelled,
    Inactive,
}

/// <summary>Fixed campaigns carry concessions and prizes; periodic ones carry bonuses, discounts and gift vouchers.</summary>
public enum CampaignClassification
{
    Fixed,
    Periodic,
}
