using System.ComponentModel.DataAnnotations;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// "Informe o código ou o CPF/CNPJ do cliente" (seed 001): the counter names one customer exactly — by the card
/// presented, the CPF/CNPJ, or the customer's code — never by a name, so the cashier cannot pick the wrong Maria.
/// A card number wins over a document when the same digits could be both; the card found is the card presented.
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

    public sealed record Screen(Query Query, List<CounterContext.StoreChoice> Stores, bool NotFound);

    public sealed class Handler(LoyaltyDbContext db, CounterContext counter)
    {
        public async Task<Screen> ScreenAsync(Query query, bool notFound, CancellationToken cancellationToken) =>
            new(query, await counter.StoresAsync(cancellationToken), notFound);

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
