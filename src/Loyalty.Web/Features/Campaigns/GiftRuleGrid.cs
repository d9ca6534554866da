using Loyalty.Domain.Campaigns;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Vale Brinde" (seed 001): every so many units of a product bought entitle to a quantity of a gift product,
/// claimed at the counter.</summary>
public static class GiftRuleGrid
{
    public sealed class Row : IGridRow
    {
        public string? ProductCode { get; set; }
        public decimal? QuantityPerGift { get; set; }
        public string? GiftProductCode { get; set; }
        public int? GiftQuantity { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(ProductCode) && QuantityPerGift is null && string.IsNullOrWhiteSpace(GiftProductCode)
            && GiftQuantity is null;
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
            var codes = await products.CodesAsync(campaign.GiftRules.SelectMany(g => new[] { g.ProductId, g.GiftProductId }), cancellationToken);
            return [.. campaign.GiftRules.Select(g => new Row
            {
                ProductCode = codes[g.ProductId], QuantityPerGift = g.QuantityPerGift, GiftProductCode = codes[g.GiftProductId],
                GiftQuantity = g.GiftQuantity,
            }).OrderBy(r => r.ProductCode, StringComparer.Ordinal)];
        }

        protected override async Task<Action<Campaign>> CheckRowsAsync(Campaign campaign, Form form, List<FieldError> errors,
            CancellationToken cancellationToken)
        {
            var ids = await products.IdsAsync(form.Rows.SelectMany(r => new[] { r.ProductCode, r.GiftProductCode }), cancellationToken);
            var rules = new List<(int Index, Guid ProductId, decimal Quantity, Guid GiftId, int GiftQuantity)>();
            foreach (var (i, row) in form.Filled)
            {
                var bought = Product(errors, i, nameof(Row.ProductCode), row.ProductCode, ids);
                var gift = Product(errors, i, nameof(Row.GiftProductCode), row.GiftProductCode, ids);
                if (Required(errors, i, nameof(Row.QuantityPerGift), row.QuantityPerGift) & Required(errors, i, nameof(Row.GiftQuantity), row.GiftQuantity)
                    && bought is { } productId && gift is { } giftId)
                {
                    var (quantity, giftQuantity) = (row.QuantityPerGift!.Value, row.GiftQuantity!.Value);
                    // The two quantities are checked apart, so each wrong one gets its message.
                    Check(errors, i, nameof(Row.QuantityPerGift), () => GiftRule.Of(campaign.Id, productId, quantity, giftId, 1));
                    Check(errors, i, nameof(Row.GiftQuantity), () => GiftRule.Of(campaign.Id, productId, 1, giftId, giftQuantity));
                    rules.Add((i, productId, quantity, giftId, giftQuantity));
                }
            }
            Repeated(errors, nameof(Row.GiftProductCode), rules.Select(r => (r.Index, (r.ProductId, r.GiftId))));
            return c => c.SetGiftRules(rules.Select(r => (r.ProductId, r.Quantity, r.GiftId, r.GiftQuantity)));
        }

        protected override async Task DescribeAsync(Form form, Campaign campaign, CancellationToken cancellationToken)
        {
            await base.DescribeAsync(form, campaign, cancellationToken);
            form.Products = await products.SuggestionsAsync(cancellationToken);
        }

        private Guid? Product(List<FieldError> errors, int index, string field, string? code, Dictionary<string, Guid> ids)
        {
            if (!Required(errors, index, field, code?.Trim()))
            {
                return null;
            }
            if (ids.TryGetValue(ProductChoices.Normalize(code) ?? string.Empty, out var id))
            {
                return id;
            }
            errors.Add(RowError(index, field, "Campaign.ProductUnknown"));
            return null;
        }
    }
}
