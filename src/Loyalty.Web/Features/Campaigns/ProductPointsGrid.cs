using Loyalty.Domain.Campaigns;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Produto comprado" (seed 001): the points each unit of a product bought is worth.</summary>
public static class ProductPointsGrid
{
    public sealed class Row : IGridRow
    {
        public string? ProductCode { get; set; }
        public decimal? PointsPerUnit { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(ProductCode) && PointsPerUnit is null;
    }

    public sealed class Form : RuleGrid<Row>
    {
        [BindNever]
        public List<ProductOption> Products { get; set; } = [];
    }

    public sealed class Handler(LoyaltyDbContext db, ProductChoices.Handler products, IStringLocalizer<SharedResource> l)
        : RuleGridHandler<Form, Row>(db, l)
    {
        protected override async Task<List<Row>> RowsOfAsync(Campaign campaign, CancellationToken cancellationToken)
        {
            var codes = await products.CodesAsync(campaign.ProductPoints.Select(p => p.ProductId), cancellationToken);
            return [.. campaign.ProductPoints.Select(p => new Row { ProductCode = codes[p.ProductId], PointsPerUnit = p.PointsPerUnit })
                .OrderBy(r => r.ProductCode, StringComparer.Ordinal)];
        }

        protected override async Task<Action<Campaign>> CheckRowsAsync(Campaign campaign, Form form, List<FieldError> errors,
            CancellationToken cancellationToken)
        {
            var ids = await products.IdsAsync(form.Rows.Select(r => r.ProductCode), cancellationToken);
            var rules = new List<(int Index, Guid ProductId, decimal Points)>();
            foreach (var (i, row) in form.Filled)
            {
                var known = ids.TryGetValue(ProductChoices.Normalize(row.ProductCode) ?? string.Empty, out var productId);
                if (!known)
                {
                    errors.Add(RowError(i, nameof(Row.ProductCode), "Campaign.ProductUnknown"));
                }
                if (Required(errors, i, nameof(Row.PointsPerUnit), row.PointsPerUnit) && known)
                {
                    Check(errors, i, nameof(Row.PointsPerUnit), () => ProductPoints.Of(campaign.Id, productId, row.PointsPerUnit!.Value));
                    rules.Add((i, productId, row.PointsPerUnit!.Value));
                }
            }
            Repeated(errors, nameof(Row.ProductCode), rules.Select(r => (r.Index, r.ProductId)));
            return c => c.SetProductPoints(rules.Select(r => (r.ProductId, r.Points)));
        }

        protected override async Task DescribeAsync(Form form, Campaign campaign, CancellationToken cancellationToken)
        {
            await base.DescribeAsync(form, campaign, cancellationToken);
            form.Products = await products.SuggestionsAsync(cancellationToken);
        }
    }
}
