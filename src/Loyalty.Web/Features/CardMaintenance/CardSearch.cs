using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.CardMaintenance;

/// <summary>
/// "Cartões": finds cards by whole number, last four digits, customer name or CPF/CNPJ, to open one; a status
/// (situação) narrows the search or, alone, lists the cards in it (the operator's blocked cards, for one).
/// </summary>
public static class CardSearch
{
    public const int MaxCustomers = 50;

    /// <summary>The most cards a list by status alone shows; the rest are found by narrowing the search.</summary>
    public const int MaxCards = 200;

    public sealed record Row(Guid Id, string Number, CardStatus Status, DateOnly ExpiresOn, Guid CustomerId, string CustomerName, string Document);

    public sealed record Result(string? Q, CardStatus? Status, bool Searched, List<Row> Rows, bool More, bool ByStatusOnly);

    /// <summary>The status a code names ("01", "07", "BT" …), none for an empty or unknown code.</summary>
    public static CardStatus? StatusOf(string? code) =>
        Enum.GetValues<CardStatus>().Where(s => s.Code() == code?.Trim().ToUpperInvariant()).Select(s => (CardStatus?)s).FirstOrDefault();

    public sealed class Handler(LoyaltyDbContext db, CustomerSearch search)
    {
        public async Task<Result> HandleAsync(string? q, string? situacao, CancellationToken cancellationToken)
        {
            var term = CustomerSearchTerm.Parse(q);
            var status = StatusOf(situacao);
            if (term.IsEmpty)
            {
                return status is { } only ? await InStatusAsync(q, only, cancellationToken) : new Result(q, null, false, [], false, false);
            }
            var customers = await CustomerSearch.Bounded(search.Matching(db.Customers.AsNoTracking(), term), term)
                .Select(c => new { c.Id, c.Name, c.PersonType, c.Document }).Take(MaxCustomers + 1).ToListAsync(cancellationToken);
            var ids = customers.Take(MaxCustomers).Select(c => c.Id).ToList();
            var byId = customers.ToDictionary(c => c.Id);
            var cards = await db.Cards.AsNoTracking().Where(c => ids.Contains(c.CustomerId) && (status == null || c.Status == status))
                .Select(c => new { c.Id, c.Number, c.Status, c.ExpiresOn, c.CustomerId, c.IssuedAt }).ToListAsync(cancellationToken);
            // A search by a card number shows that card first; the rest by customer name, newest card first.
            var rows = cards
                .OrderByDescending(c => term.CardNumber is not null && c.Number == term.CardNumber)
                .ThenBy(c => CustomerSearchTerm.Normalize(byId[c.CustomerId].Name), StringComparer.Ordinal)
                .ThenByDescending(c => c.IssuedAt)
                .Select(c => new Row(c.Id, c.Number, c.Status, c.ExpiresOn, c.CustomerId, byId[c.CustomerId].Name,
                    CustomerDocument.Format(byId[c.CustomerId].PersonType, byId[c.CustomerId].Document)))
                .ToList();
            return new Result(q, status, true, rows, customers.Count > MaxCustomers, false);
        }

        private async Task<Result> InStatusAsync(string? q, CardStatus status, CancellationToken cancellationToken)
        {
            var found = await db.Cards.AsNoTracking().Where(c => c.Status == status)
                .Join(db.Customers.AsNoTracking(), c => c.CustomerId, cu => cu.Id,
                    (c, cu) => new { c.Id, c.Number, c.Status, c.ExpiresOn, c.CustomerId, cu.Name, cu.PersonType, cu.Document })
                .OrderBy(x => x.Name).ThenBy(x => x.Number)
                .Take(MaxCards + 1).ToListAsync(cancellationToken);
            var rows = found.Take(MaxCards)
                .Select(c => new Row(c.Id, c.Number, c.Status, c.ExpiresOn, c.CustomerId, c.Name, CustomerDocument.Format(c.PersonType, c.Document)))
                .ToList();
            return new Result(q, status, true, rows, found.Count > MaxCards, true);
        }
    }
}
