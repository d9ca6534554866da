using System.Globalization;
using System.Text;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers.Wizard;

/// <summary>
/// Finds the titular of a new dependent (seed 000: "o CPF, nome ou número do cartão fidelidade do titular"): by
/// CPF/CNPJ or card number exactly, or by a fragment of the name, accent- and case-insensitive. Only active titulars
/// are offered — a dependent cannot have dependents of its own.
/// </summary>
public static class TitularSearch
{
    public const int MinNameLength = 3;
    public const int MaxResults = 10;

    /// <summary>A titular as the cashier sees it in the list: the card masked, the document formatted.</summary>
    public sealed record Candidate(Guid Id, string Name, string Document, string? MaskedCard);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<IReadOnlyList<Candidate>> FindAsync(string? query, CancellationToken cancellationToken)
        {
            var text = query?.Trim() ?? string.Empty;
            var titulars = db.Customers.AsNoTracking().Where(c => c.TitularId == null && c.Status == CustomerStatus.Active);
            if (CustomerIdentifier.Parse(text) is { } identifier)
            {
                var (document, card) = (identifier.Document ?? string.Empty, identifier.CardNumber ?? string.Empty);
                titulars = titulars.Where(c => c.Document == document || db.Cards.Any(k => k.CustomerId == c.Id && k.Number == card));
            }
            else if (text.Length >= MinNameLength)
            {
                var pattern = "%" + EscapeLike(Unaccent(text)) + "%";
                titulars = titulars.Where(c => EF.Functions.ILike(EF.Property<string>(c, CustomerConfiguration.SearchName), pattern, "\\"));
            }
            else
            {
                return [];
            }
            return await ProjectAsync(titulars.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(MaxResults), cancellationToken);
        }

        public async Task<Candidate?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
            (await ProjectAsync(db.Customers.AsNoTracking().Where(c => c.Id == id && c.TitularId == null), cancellationToken))
            .SingleOrDefault();

        private async Task<IReadOnlyList<Candidate>> ProjectAsync(IQueryable<Customer> customers, CancellationToken cancellationToken)
        {
            var rows = await customers.Select(c => new
            {
                c.Id,
                c.Name,
                c.PersonType,
                c.Document,
                Card = db.Cards.Where(k => k.CustomerId == c.Id)
                    .OrderBy(k => k.Status != CardStatus.Active).ThenByDescending(k => k.IssuedAt)
                    .Select(k => k.Number).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
            return [.. rows.Select(r => new Candidate(r.Id, r.Name, Format(r.PersonType, r.Document), r.Card is null ? null : Card.Mask(r.Card)))];
        }
    }

    private static string Format(PersonType type, string document) =>
        type == PersonType.PF ? Cpf.Parse(document).Formatted : Cnpj.Parse(document).Formatted;

    /// <summary>The same folding as the search_name column (unaccent), done on the typed fragment; ILIKE handles case.</summary>
    private static string Unaccent(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string([.. kept]).Normalize(NormalizationForm.FormC);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
