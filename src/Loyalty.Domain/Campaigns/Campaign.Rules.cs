using Loyalty.Domain.Common;

namespace Loyalty.Domain.Campaigns;

/// <summary>The rules a campaign carries: concessions and prizes when Fixed, the bonuses, discounts and gift vouchers
/// when Periodic (SPEC §6). Each kind is replaced as a whole from its grid, except prizes, which redemptions point at.</summary>
public partial class Campaign
{
    private readonly List<Concession> _concessions = [];
    private readonly List<Prize> _prizes = [];
    private readonly List<ThresholdAward> _thresholdAwards = [];
    private readonly List<ProductPoints> _productPoints = [];
    private readonly List<StoreBonus> _storeBonuses = [];
    private readonly List<FrequencyBonus> _frequencyBonuses = [];
    private readonly List<ProductDiscount> _discounts = [];
    private readonly List<GiftRule> _giftRules = [];

    public IReadOnlyCollection<Concession> Concessions => _concessions.AsReadOnly();
    public IReadOnlyCollection<Prize> Prizes => _prizes.AsReadOnly();
    public IReadOnlyCollection<ThresholdAward> ThresholdAwards => _thresholdAwards.AsReadOnly();
    public IReadOnlyCollection<ProductPoints> ProductPoints => _productPoints.AsReadOnly();
    public IReadOnlyCollection<StoreBonus> StoreBonuses => _storeBonuses.AsReadOnly();
    public IReadOnlyCollection<FrequencyBonus> FrequencyBonuses => _frequencyBonuses.AsReadOnly();
    public IReadOnlyCollection<ProductDiscount> Discounts => _discounts.AsReadOnly();
    public IReadOnlyCollection<GiftRule> GiftRules => _giftRules.AsReadOnly();

    /// <summary>Concessions name participating stores, one rate per store and department/section.</summary>
    public void SetConcessions(IEnumerable<ConcessionTerms> concessions)
    {
        EnsureEditable(CampaignClassification.Fixed);
        var list = concessions.ToList();
        EnsureParticipating(list.Select(c => c.StoreId));
        EnsureUnique(list.Select(c => (c.StoreId, c.DepartmentId, c.SectionId)));
        Replace(_concessions, list.Select(c => Concession.Of(Id, c)));
    }

    public Prize AddPrize(Guid productId, long pointsRequired, int? stock, DateTimeOffset now)
    {
        EnsureEditable(CampaignClassification.Fixed);
        if (_prizes.Any(p => p.ProductId == productId))
        {
            throw new DomainException("Campaign.PrizeRepeated");
        }
        var prize = Prize.Of(Id, productId, pointsRequired, stock, now);
        _prizes.Add(prize);
        return prize;
    }

    /// <summary>A prize already redeemed stays (its redemptions point at it); the caller checks that before removing.</summary>
    public void RemovePrize(Guid prizeId)
    {
        EnsureEditable(CampaignClassification.Fixed);
        _prizes.Remove(_prizes.SingleOrDefault(p => p.Id == prizeId) ?? throw new DomainException("Campaign.PrizeNotFound"));
    }

    public void SetThresholdAwards(IEnumerable<(DateOnly Start, DateOnly End, long ThresholdPoints, long ExtraPoints)> awards)
    {
        EnsureEditable(CampaignClassification.Periodic);
        var list = awards.Select(a => ThresholdAward.Of(Id, a.Start, a.End, a.ThresholdPoints, a.ExtraPoints)).ToList();
        if (list.Any(a => a.StartDate < StartDate || a.EndDate > EndDate))
        {
            throw new DomainException("Campaign.ExtraPeriodOutside");
        }
        Replace(_thresholdAwards, list);
    }

    public void SetProductPoints(IEnumerable<(Guid ProductId, decimal PointsPerUnit)> rules)
    {
        EnsureEditable(CampaignClassification.Periodic);
        var list = rules.ToList();
        EnsureUnique(list.Select(r => r.ProductId));
        Replace(_productPoints, list.Select(r => Campaigns.ProductPoints.Of(Id, r.ProductId, r.PointsPerUnit)));
    }

    public void SetStoreBonuses(IEnumerable<(Guid StoreId, long ExtraPoints)> bonuses)
    {
        EnsureEditable(CampaignClassification.Periodic);
        var list = bonuses.ToList();
        EnsureParticipating(list.Select(b => b.StoreId));
        EnsureUnique(list.Select(b => b.StoreId));
        Replace(_storeBonuses, list.Select(b => StoreBonus.Of(Id, b.StoreId, b.ExtraPoints)));
    }

    public void SetFrequencyBonuses(IEnumerable<(int Purchases, decimal MinimumAmount, int? WindowDays, long BonusPoints)> bonuses)
    {
        EnsureEditable(CampaignClassification.Periodic);
        Replace(_frequencyBonuses, bonuses.Select(b => FrequencyBonus.Of(Id, b.Purchases, b.MinimumAmount, b.WindowDays, b.BonusPoints)));
    }

    public void SetDiscounts(IEnumerable<(Guid ProductId, Guid? StoreId, decimal Percent)> discounts)
    {
        EnsureEditable(CampaignClassification.Periodic);
        var list = discounts.ToList();
        EnsureParticipating(list.Where(d => d.StoreId.HasValue).Select(d => d.StoreId!.Value));
        EnsureUnique(list.Select(d => (d.ProductId, d.StoreId)));
        Replace(_discounts, list.Select(d => ProductDiscount.Of(Id, d.ProductId, d.StoreId, d.Percent)));
    }

    public void SetGiftRules(IEnumerable<(Guid ProductId, decimal QuantityPerGift, Guid GiftProductId, int GiftQuantity)> rules)
    {
        EnsureEditable(CampaignClassification.Periodic);
        var list = rules.ToList();
        EnsureUnique(list.Select(r => (r.ProductId, r.GiftProductId)));
        Replace(_giftRules, list.Select(r => GiftRule.Of(Id, r.ProductId, r.QuantityPerGift, r.GiftProductId, r.GiftQuantity)));
    }

    private void EnsureEditable(CampaignClassification needed)
    {
        EnsureNotCancelled();
        if (Classification != needed)
        {
            throw new DomainException(needed == CampaignClassification.Fixed ? "Campaign.RuleNeedsFixed" : "Campaign.RuleNeedsPeriodic");
        }
    }

    private void EnsureParticipating(IEnumerable<Guid> storeIds)
    {
        if (storeIds.Any(id => _stores.All(s => s.StoreId != id)))
        {
            throw new DomainException("Campaign.StoreNotParticipating");
        }
    }

    private static void EnsureUnique<T>(IEnumerable<T> keys)
    {
        var list = keys.ToList();
        if (list.Distinct().Count() != list.Count)
        {
            throw new DomainException("Campaign.RuleRepeated");
        }
    }

    private static void Replace<T>(List<T> rules, IEnumerable<T> replacement)
    {
        var list = replacement.ToList();
        rules.Clear();
        rules.AddRange(list);
    }
}
