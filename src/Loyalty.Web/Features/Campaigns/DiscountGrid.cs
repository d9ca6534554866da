using Loyalty.Domain.Campaigns;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Descontos" (seed 001): a product's discount % for every participating store (no store chosen) or for one.</summary>
public static class DiscountGrid
{
    public sealed class Row : IGridRow
    {
        public string? ProductCode { get; set; }
        public Guid? StoreId { get; set; }
        public decimal? Percent { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(ProductCode) && Percent is null;
    }

    public sealed class Form : RuleGrid<Row>
    {
        [BindNever]
        public List<ProductOption> Products { get; set; } = [];

        [BindNever]
        public List<SelectListItem> Stores { get; set; } = [];
    }

    public sealed class Handler(LoyaltyDbContext db, ProductChoices.Handler products, IStringLocalizer<SharedResource> l)
        : RuleGridHandler<Form, Row>(db, l)
    {
        protected override async Task<List<Row>> RowsOfAsync(Campaign campaign, CancellationToken cancellationToken)
        {
            var codes = await products.CodesAsync(campaign.Discounts.Select(d => d.ProductId), cancellationToken);
            return [.. campaign.Discounts.Select(d => new Row { ProductCode = codes[d.ProductId], StoreId = d.StoreId, Percent = d.Percent })
                .OrderBy(r => r.ProductCode, StringComparer.Ordinal).ThenBy(r => r.StoreId.HasValue)];
        }

        protected override async Task<Action<Campaign>> CheckRowsAsync(Campaign campaign, Form form, List<FieldError> errors,
            CancellationToken cancellationToken)
        {
            var ids = await products.IdsAsync(form.Rows.Select(r => r.ProductCode), cancellationToken);
            var discounts = new List<(int Index, Guid ProductId, Guid? StoreId, decimal Percent)>();
            foreach (var (i, row) in form.Filled)
            {
                var known = ids.TryGetValue(ProductChoices.Normalize(row.ProductCode) ?? string.Empty, out var productId);
                if (!known)
                {
                    errors.Add(RowError(i, nameof(Row.ProductCode), "Campaign.ProductUnknown"));
                }
                if (row.StoreId is { } storeId && campaign.Stores.All(s => s.StoreId != storeId))
                {
                    errors.Add(RowError(i, nameof(Row.StoreId), "Campaign.StoreNotParticipating"));
                }
                if (Required(errors, i, nameof(Row.Percent), row.Percent) && known)
                {
                    Check(errors, i, nameof(Row.Percent), () => ProductDiscount.Of(campaign.Id, productId, row.StoreId, row.Percent!.Value));
                    discounts.Add((i, productId, row.StoreId, row.Percent!.Value));
                }
            }
            Repeated(errors, nameof(Row.ProductCode), discounts.Select(d => (d.Index, (d.ProductId, d.StoreId))));
            return c => c.SetDiscounts(discounts.Select(d => (d.ProductId, d.StoreId, d.Percent)));
        }

        protected override async Task DescribeAsync(Form form, Campaign campaign, CancellationToken cancellationToken)
        {
            await base.DescribeAsync(form, campaign, cancellationToken);
            form.Products = await products.SuggestionsAsync(cancellationToken);
            form.Stores = await ParticipatingStoresAsync(campaign, cancellationToken);
        }
    }
}
