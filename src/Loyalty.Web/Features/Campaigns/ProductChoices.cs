using Loyalty.Domain.Catalog;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>Products are typed by their code (as on the POS) with the catalogue offered as suggestions; a code must name
/// a product of the tenant's catalogue.</summary>
public sealed record ProductOption(string Code, string Description);

public static class ProductChoices
{
    /// <summary>Enough suggestions for a real catalogue's campaign products without sending the whole catalogue to the page;
    /// any code of the catalogue is accepted whether suggested or not.</summary>
    public const int MaxSuggestions = 1000;

    public sealed class Handler(LoyaltyDbContext db)
    {
        public Task<List<ProductOption>> SuggestionsAsync(CancellationToken cancellationToken) =>
            db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).Take(MaxSuggestions)
                .Select(p => new ProductOption(p.Code, p.Description)).ToListAsync(cancellationToken);

        /// <summary>The ids of the given codes (as typed: trimmed, any case); unknown codes are left out.</summary>
        public async Task<Dictionary<string, Guid>> IdsAsync(IEnumerable<string?> codes, CancellationToken cancellationToken)
        {
            var wanted = codes.Select(Normalize).OfType<string>().Distinct().ToList();
            return wanted.Count == 0
                ? []
                : await db.Products.AsNoTracking().Where(p => wanted.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        }

        public async Task<Dictionary<Guid, string>> CodesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
        {
            var wanted = ids.Distinct().ToList();
            return await db.Products.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, cancellationToken);
        }
    }

    public static string? Normalize(string? code) =>
        CatalogCode.IsValid(code, Product.CodeMaxLength) ? code!.Trim().ToUpperInvariant() : null;
}
