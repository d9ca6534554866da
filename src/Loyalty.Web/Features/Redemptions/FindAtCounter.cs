using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// "Informe o código ou o CPF/CNPJ do cliente" (seed 001): the counter names one customer exactly — by the card
/// presented, the CPF/CNPJ, or the customer's code. A card number wins over a document when the same digits could be
/// both; the card found is the card presented. Failing that, words of the name find customers the way the customer list
/// does (<see cref="CustomerSearch"/>): one match opens the counter, several are listed (masked document, main card,
/// dependent) for the cashier to pick the right Maria.
/// </summary>
public static class FindAtCounter
{
    public sealed class Query
    {
        [Display(Name = "Counter.FindCustomer")]
        public string? Q { get; set; }

        [Display(Name = "Counter.Store")]
        public Guid? StoreId { get; set; }
    }

    public sealed record Found(Guid CustomerId, Guid? CardId);

    /// <summary>The pick list holds at most this many; a longer one asks for more of the name.</summary>
    public const int MaxCandidates = 20;

    public sealed record Candidate(Guid Id, string Name, string Document, string? Card, bool IsDependent, CustomerStatus Status);

    public sealed record Screen(Query Query, List<CounterContext.StoreChoice> Stores, bool NotFound)
    {
        public List<Candidate> Candidates { get; init; } = [];
        public bool MoreCandidates { get; init; }
    }

    public sealed class Handler(LoyaltyDbContext db, CounterContext counter, CustomerSearch search, CardNumberDisplay cards)
    {
        public async Task<Screen> ScreenAsync(Query query, bool notFound, CancellationToken cancellationToken) =>
            new(query, await counter.StoresAsync(cancellationToken), notFound);

        /// <summary>
        /// The customers whose name has every word typed (each word the start of a word of the name), or with a card
        /// ending in the four digits typed, in name order.
        /// </summary>
        /// <returns>At most <see cref="MaxCandidates"/>, and whether there were more; none when the text is not a name.</returns>
        public async Task<(List<Candidate> Candidates, bool More)> ByNameAsync(string? text, CancellationToken cancellationToken)
        {
            var term = CustomerSearchTerm.Parse(text);
            // Words of a name, or the last digits of a card as masked screens show them: both may name several people.
            if (term.IsIdentifier || (term.NameWords.Count == 0 && term.CardLastDigits is null))
            {
                return ([], false);
            }
            var found = await CustomerSearch.Bounded(search.Matching(db.Customers.AsNoTracking(), term), term)
                .Select(c => new { c.Id, c.Name, c.PersonType, c.Document, c.TitularId, c.Status }).ToListAsync(cancellationToken);
            var chosen = found.OrderBy(c => CustomerSearchTerm.Normalize(c.Name), StringComparer.Ordinal).ThenBy(c => c.Id)
                .Take(MaxCandidates).ToList();
            var mainCards = await MainCards.ForAsync(db, [.. chosen.Select(c => c.Id)], cards, cancellationToken);
            return ([.. chosen.Select(c => new Candidate(c.Id, c.Name, CustomerDocument.Masked(c.PersonType, c.Document),
                mainCards.GetValueOrDefault(c.Id), c.TitularId is not null, c.Status))], found.Count > MaxCandidates);
        }

        public async Task<Found?> FindAsync(string? text, CancellationToken cancellationToken)
        {
            if (Guid.TryParse(text?.Trim(), out var id))
            {
                return await db.Customers.AnyAsync(c => c.Id == id, cancellationToken) ? new Found(id, null) : null;
            }
            if (CustomerIdentifier.Parse(text) is not { } parsed)
            {
                return null;
            }
            if (parsed.CardNumber is { } number
                && await db.Cards.AsNoTracking().Where(k => k.Number == number).Select(k => new Found(k.CustomerId, k.Id))
                    .SingleOrDefaultAsync(cancellationToken) is { } byCard)
            {
                return byCard;
            }
            var document = parsed.Document;
            return document is null ? null
                : await db.Customers.AsNoTracking().Where(c => c.Document == document).Select(c => new Found(c.Id, null))
                    .SingleOrDefaultAsync(cancellationToken);
        }
    }
}
