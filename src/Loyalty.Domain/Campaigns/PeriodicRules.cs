using Loyalty.Domain.Common;

namespace Loyalty.Domain.Campaigns;

/// <summary>Common shape of a periodic campaign's rule rows. Audited row by row: replacing a grid logs the rows removed and
/// the rows added, each naming its campaign, so the log shows exactly which rules changed.</summary>
public abstract class CampaignRule : ITenantOwned, IAudited
{
    public long Id { get; protected set; }
    public Guid TenantId { get; protected set; }
    public Guid CampaignId { get; protected set; }

    protected static void Ensure(bool valid, string code)
    {
        if (!valid)
        {
            throw new DomainException(code);
        }
    }
}

/// <summary>
/// The "extra" award of a periodic campaign (seed 001, first sub-tab of "Pontos"): an account whose purchases reach
/// <see cref="ThresholdPoints"/> points within the period earns <see cref="ExtraPoints"/> more, once. Points are counted
/// before the category's multiplier, as bonuses are (SPEC §5 step 2 comes before step 3).
/// </summary>
public class ThresholdAward : CampaignRule
{
    private ThresholdAward()
    {
    }

    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public long ThresholdPoints { get; private set; }
    public long ExtraPoints { get; private set; }

    public static ThresholdAward Of(Guid campaignId, DateOnly start, DateOnly end, long thresholdPoints, long extraPoints)
    {
        Ensure(end >= start, "Campaign.PeriodInvalid");
        Ensure(thresholdPoints > 0, "Campaign.ThresholdInvalid");
        Ensure(extraPoints > 0, "Campaign.BonusPointsInvalid");
        return new ThresholdAward { CampaignId = campaignId, StartDate = start, EndDate = end, ThresholdPoints = thresholdPoints, ExtraPoints = extraPoints };
    }
}

/// <summary>Points per unit of a listed product bought (seed 001 "Produto comprado"); fuel counts litres.</summary>
public class ProductPoints : CampaignRule
{
    private ProductPoints()
    {
    }

    public Guid ProductId { get; private set; }
    public decimal PointsPerUnit { get; private set; }

    public static ProductPoints Of(Guid campaignId, Guid productId, decimal pointsPerUnit)
    {
        Ensure(pointsPerUnit > 0 && pointsPerUnit <= 100_000 && decimal.Round(pointsPerUnit, 2) == pointsPerUnit, "Campaign.BonusPointsInvalid");
        return new ProductPoints { CampaignId = campaignId, ProductId = productId, PointsPerUnit = pointsPerUnit };
    }
}

/// <summary>Extra points for each purchase at a store (seed 001 "Estabelecimento": to bring customers to quieter stores).</summary>
public class StoreBonus : CampaignRule
{
    private StoreBonus()
    {
    }

    public Guid StoreId { get; private set; }
    public long ExtraPoints { get; private set; }

    public static StoreBonus Of(Guid campaignId, Guid storeId, long extraPoints)
    {
        Ensure(extraPoints is > 0 and <= 1_000_000, "Campaign.BonusPointsInvalid");
        return new StoreBonus { CampaignId = campaignId, StoreId = storeId, ExtraPoints = extraPoints };
    }
}

/// <summary>
/// The frequency bonus (seed 001 "Frequência"): <see cref="PurchasesRequired"/> purchases totalling at least
/// <see cref="MinimumAmount"/> within a window earn <see cref="BonusPoints"/>, once per window. The windows are
/// consecutive blocks of <see cref="WindowDays"/> days from the campaign's start, or the whole campaign when not set.
/// </summary>
public class FrequencyBonus : CampaignRule
{
    private FrequencyBonus()
    {
    }

    public int PurchasesRequired { get; private set; }
    public decimal MinimumAmount { get; private set; }
    public int? WindowDays { get; private set; }
    public long BonusPoints { get; private set; }

    public static FrequencyBonus Of(Guid campaignId, int purchasesRequired, decimal minimumAmount, int? windowDays, long bonusPoints)
    {
        Ensure(purchasesRequired is >= 1 and <= 1000, "Campaign.FrequencyPurchasesInvalid");
        Ensure(minimumAmount >= 0 && decimal.Round(minimumAmount, 2) == minimumAmount, "Campaign.AmountInvalid");
        Ensure(windowDays is null or (>= 1 and <= 3660), "Campaign.WindowDaysInvalid");
        Ensure(bonusPoints is > 0 and <= 1_000_000, "Campaign.BonusPointsInvalid");
        return new FrequencyBonus
        {
            CampaignId = campaignId, PurchasesRequired = purchasesRequired, MinimumAmount = minimumAmount, WindowDays = windowDays,
            BonusPoints = bonusPoints,
        };
    }

    /// <summary>The first day of the window that <paramref name="date"/> falls in.</summary>
    public DateOnly WindowStart(DateOnly campaignStart, DateOnly date) =>
        WindowDays is { } days ? campaignStart.AddDays((date.DayNumber - campaignStart.DayNumber) / days * days) : campaignStart;
}

/// <summary>A product discount (seed 001 "Descontos"): a % for every participating store or for one store; the POS is told
/// in the purchase's answer. A store's own % wins over the all-stores one.</summary>
public class ProductDiscount : CampaignRule
{
    private ProductDiscount()
    {
    }

    public Guid ProductId { get; private set; }

    /// <summary>Null: every participating store.</summary>
    public Guid? StoreId { get; private set; }

    public decimal Percent { get; private set; }

    public static ProductDiscount Of(Guid campaignId, Guid productId, Guid? storeId, decimal percent)
    {
        Ensure(percent > 0 && percent <= 100 && decimal.Round(percent, 2) == percent, "Campaign.DiscountInvalid");
        return new ProductDiscount { CampaignId = campaignId, ProductId = productId, StoreId = storeId, Percent = percent };
    }
}

/// <summary>A gift voucher rule (seed 001 "Vale Brinde"): every <see cref="QuantityPerGift"/> units of the product bought
/// entitle to <see cref="GiftQuantity"/> of the gift product, claimed at the counter.</summary>
public class GiftRule : CampaignRule
{
    private GiftRule()
    {
    }

    public Guid ProductId { get; private set; }
    public decimal QuantityPerGift { get; private set; }
    public Guid GiftProductId { get; private set; }
    public int GiftQuantity { get; private set; }

    public static GiftRule Of(Guid campaignId, Guid productId, decimal quantityPerGift, Guid giftProductId, int giftQuantity)
    {
        Ensure(quantityPerGift > 0 && quantityPerGift <= 100_000 && decimal.Round(quantityPerGift, 3) == quantityPerGift, "Campaign.QuantityInvalid");
        Ensure(giftQuantity is >= 1 and <= 1000, "Campaign.QuantityInvalid");
        return new GiftRule
        {
            CampaignId = campaignId, ProductId = productId, QuantityPerGift = quantityPerGift, GiftProductId = giftProductId,
            GiftQuantity = giftQuantity,
        };
    }

    /// <summary>How many gifts <paramref name="quantityBought"/> units earn.</summary>
    public int GiftsFor(decimal quantityBought) => (int)decimal.Floor(quantityBought / QuantityPerGift) * GiftQuantity;
}
