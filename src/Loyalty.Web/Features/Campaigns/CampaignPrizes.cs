using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Common;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>
/// "Prêmio" (seed 001): the prize catalogue of a fixed campaign — a product of the catalogue, the points it costs and,
/// optionally, the stock left. A prize already redeemed is kept: its redemptions point at it.
/// </summary>
public static class CampaignPrizes
{
    public sealed record Row(Guid Id, string Code, string Description, long PointsRequired, int? Stock, bool Redeemed);

    /// <summary>A prize being added (Id empty) or edited, as typed.</summary>
    public sealed class Form
    {
        public Guid Id { get; set; }

        [Display(Name = "Campaign.ProductCode")]
        public string? ProductCode { get; set; }

        [Display(Name = "Campaign.PointsRequired")]
        public long? PointsRequired { get; set; }

        [Display(Name = "Campaign.Stock")]
        public int? Stock { get; set; }
    }

    public sealed record Page(CampaignHeader Campaign, List<Row> Rows, Form Form, List<ProductOption> Products);

    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        ["Campaign.PrizePointsInvalid"] = nameof(Form.PointsRequired),
        ["Campaign.PrizeStockInvalid"] = nameof(Form.Stock),
        ["Campaign.PrizeRepeated"] = nameof(Form.ProductCode),
    };

    public sealed class Handler(LoyaltyDbContext db, ProductChoices.Handler products, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        /// <returns>Null when the campaign does not exist in the tenant.</returns>
        public async Task<Page?> PageAsync(Guid id, Form form, CancellationToken cancellationToken)
        {
            if (await CampaignHeader.LoadAsync(db, id, cancellationToken) is not { } campaign)
            {
                return null;
            }
            var rows = await db.Prizes.AsNoTracking().Where(p => p.CampaignId == id)
                .Join(db.Products, p => p.ProductId, p => p.Id, (prize, product) => new { prize, product })
                .OrderBy(x => x.product.Code)
                .Select(x => new Row(x.prize.Id, x.product.Code, x.product.Description, x.prize.PointsRequired, x.prize.Stock,
                    db.Set<RedemptionLine>().Any(l => l.PrizeId == x.prize.Id)))
                .ToListAsync(cancellationToken);
            return new Page(campaign, rows, form, await products.SuggestionsAsync(cancellationToken));
        }

        /// <returns>Null when the campaign (or, when editing, the prize) does not exist in the tenant.</returns>
        public async Task<CommandResult<bool>?> SaveAsync(Guid id, Form form, CancellationToken cancellationToken)
        {
            if (await db.Campaigns.Include(c => c.Prizes).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
            {
                return null;
            }
            if (form.PointsRequired is not { } points)
            {
                return CommandResult<bool>.Failure(nameof(Form.PointsRequired), l["Campaign.PrizePointsInvalid"]);
            }
            try
            {
                if (form.Id == Guid.Empty)
                {
                    var code = ProductChoices.Normalize(form.ProductCode);
                    var known = await products.IdsAsync([code], cancellationToken);
                    if (code is null || !known.TryGetValue(code, out var productId))
                    {
                        return CommandResult<bool>.Failure(nameof(Form.ProductCode), l["Campaign.ProductUnknown"]);
                    }
                    db.Prizes.Add(campaign.AddPrize(productId, points, form.Stock, clock.GetUtcNow()));
                }
                else if (campaign.Prizes.SingleOrDefault(p => p.Id == form.Id) is { } prize)
                {
                    prize.Update(points, form.Stock);
                }
                else
                {
                    return null;
                }
            }
            catch (DomainException error)
            {
                return CommandResult<bool>.Failure([error.ToField(l, FieldsByCode, nameof(Form.ProductCode))]);
            }
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<bool>.Success(true);
        }

        /// <returns>False when the campaign or the prize does not exist in the tenant.</returns>
        public async Task<bool> RemoveAsync(Guid id, Guid prizeId, CancellationToken cancellationToken)
        {
            if (await db.Campaigns.Include(c => c.Prizes).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign
                || campaign.Prizes.All(p => p.Id != prizeId))
            {
                return false;
            }
            if (await db.Set<RedemptionLine>().AnyAsync(l => l.PrizeId == prizeId, cancellationToken))
            {
                throw new DomainException("Campaign.PrizeRedeemed");
            }
            campaign.RemovePrize(prizeId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation })
            {
                // Redeemed at the counter between the check and the delete: the foreign key said no.
                throw new DomainException("Campaign.PrizeRedeemed");
            }
            return true;
        }
    }
}
