using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.CardMaintenance;

/// <summary>"Cartões": finds cards by whole number, last four digits, customer name or CPF/CNPJ, to open one.</summary>
public static class CardSearch
{
    public const int MaxCustomers = 50;

    public sealed record Row(Guid Id, string Number, CardStatus Status, DateOnly ExpiresOn, Guid CustomerId, string CustomerName, string Document);

    public sealed record Result(string? Q, bool Searched, List<Row> Rows, bool More);

    public sealed class Handler(LoyaltyDbContext db, CustomerSearch search)
    {
        public async Task<Result> HandleAsync(string? q, CancellationToken cancellationToken)
        {
            var term = CustomerSearchTerm.Parse(q);
            if (term.IsEmpty)
            {
                return new Result(q, false, [], false);
            }
            var customers = await CustomerSearch.Bounded(search.Matching(db.Customers.AsNoTracking(), term), term)
                .Select(c => new { c.Id, c.Name, c.PersonType, c.Document }).Take(MaxCustomers + 1).ToListAsync(cancellationToken);
            var ids = customers.Take(MaxCustomers).Select(c => c.Id).ToList();
            var byId = customers.ToDictionary(c => c.Id);
            var cards = await db.Cards.AsNoTracking().Where(c => ids.Contains(c.CustomerId))
                .Select(c => new { c.Id, c.Number, c.Status, c.ExpiresOn, c.CustomerId, c.IssuedAt }).ToListAsync(cancellationToken);
            // A search by a card number shows that card first; the rest by customer name, newest card first.
            var rows = cards
                .OrderByDescending(c => term.CardNumber is not null && c.Number == term.CardNumber)
                .ThenBy(c => CustomerSearchTerm.Normalize(byId[c.CustomerId].Name), StringComparer.Ordinal)
                .ThenByDescending(c => c.IssuedAt)
                .Select(c => new Row(c.Id, c.Number, c.Status, c.ExpiresOn, c.CustomerId, byId[c.CustomerId].Name,
                    CustomerDocument.Format(byId[c.CustomerId].PersonType, byId[c.CustomerId].Document)))
                .ToList();
            return new Result(q, true, rows, customers.Count > MaxCustomers);
        }
    }
}
