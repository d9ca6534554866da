using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers.Wizard;

/// <summary>
/// Finds the titular of a new dependent (seed 000: "o CPF, nome ou número do cartão fidelidade do titular"): by
/// CPF/CNPJ or card number exactly, or by words of the name (their beginnings), accent- and case-insensitive. Only
/// active titulars are offered — a dependent cannot have dependents of its own.
/// </summary>
public static class TitularSearch
{
    public const int MinNameLength = 3;
    public const int MaxResults = 10;

    /// <summary>A titular as the cashier sees it in the list: the card masked, the document formatted.</summary>
    public sealed record Candidate(Guid Id, string Name, string Document, string? MaskedCard);

    public sealed class Handler(LoyaltyDbContext db, CustomerSearch search)
    {
        /// <remarks>
        /// Through <see cref="CustomerSearch"/>, whose every kind of search an index answers for the app role under
        /// row-level security (an ILIKE on search_name, or an OR over a cards subquery, reads the tenant's customers).
        /// </remarks>
        public async Task<IReadOnlyList<Candidate>> FindAsync(string? query, CancellationToken cancellationToken)
        {
            var term = CustomerSearchTerm.Parse(query);
            if (term.IsEmpty || term.IsIncompleteNumber || (!term.IsIdentifier && term.NameWords.Sum(w => w.Length) < MinNameLength))
            {
                return [];
            }
            var titulars = search.Matching(db.Customers.AsNoTracking(), term)
                .Where(c => c.TitularId == null && c.Status == CustomerStatus.Active);
            var found = await CustomerSearch.Bounded(titulars, term).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
            var ids = found.OrderBy(c => CustomerSearchTerm.Normalize(c.Name), StringComparer.Ordinal).ThenBy(c => c.Id).Take(MaxResults).Select(c => c.Id).ToList();
            var candidates = await ProjectAsync(db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)), cancellationToken);
            return [.. ids.Select(id => candidates.Single(c => c.Id == id))];
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
}
