using Loyalty.Domain.Common;

namespace Loyalty.Domain.Campaigns;

/// <summary>
/// A concession of a fixed campaign (seed 001 "Cadastro de Concessão"): at this store, money spent on products of this
/// department — or only of this section of it — earns these points per R$ 1,00. A section's rate wins over its
/// department's.
/// </summary>
public class Concession : ITenantOwned, IAudited
{
    public const decimal MaxPointsPerReal = 1000m;

    private Concession()
    {
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public Guid? SectionId { get; private set; }
    public decimal PointsPerReal { get; private set; }

    public static Concession Of(Guid campaignId, ConcessionTerms terms)
    {
        if (terms.PointsPerReal is < 0 or > MaxPointsPerReal || decimal.Round(terms.PointsPerReal, 2) != terms.PointsPerReal)
        {
            throw new DomainException("Campaign.PointsPerRealInvalid");
        }
        return new Concession
        {
            CampaignId = campaignId, StoreId = terms.StoreId, DepartmentId = terms.DepartmentId, SectionId = terms.SectionId,
            PointsPerReal = terms.PointsPerReal,
        };
    }
}

public sealed record ConcessionTerms(Guid StoreId, Guid DepartmentId, Guid? SectionId, decimal PointsPerReal);

/// <summary>
/// A prize of a fixed campaign's catalogue: a product of the catalogue, the points it costs and, optionally, how many
/// are left. Redeeming takes from the stock under the prize's row lock; a cancelled redemption puts them back.
/// </summary>
public class Prize : ITenantOwned, IAudited
{
    public const long MaxPoints = 100_000_000;

    private Prize()
    {
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid ProductId { get; private set; }
    public long PointsRequired { get; private set; }

    /// <summary>How many are left to redeem; null: no stock control.</summary>
    public int? Stock { get; private set; }

    public static Prize Of(Guid campaignId, Guid productId, long pointsRequired, int? stock, DateTimeOffset now)
    {
        var prize = new Prize { Id = Guid.CreateVersion7(now), CampaignId = campaignId, ProductId = productId };
        prize.Update(pointsRequired, stock);
        return prize;
    }

    public void Update(long pointsRequired, int? stock)
    {
        if (pointsRequired is <= 0 or > MaxPoints)
        {
            throw new DomainException("Campaign.PrizePointsInvalid");
        }
        if (stock < 0)
        {
            throw new DomainException("Campaign.PrizeStockInvalid");
        }
        PointsRequired = pointsRequired;
        Stock = stock;
    }

    public void Take(int quantity)
    {
        if (quantity <= 0)
        {
            throw new DomainException("Redemption.QuantityInvalid");
        }
        if (Stock is { } left)
        {
            Stock = left >= quantity ? left - quantity : throw new DomainException("Redemption.OutOfStock");
        }
    }

    public void PutBack(int quantity)
    {
        if (Stock is { } left)
        {
            Stock = left + quantity;
        }
    }
}
