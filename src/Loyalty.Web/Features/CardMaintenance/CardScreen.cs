using Loyalty.Domain.Cards;
using Loyalty.Web.Features.CardReasons;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.CardMaintenance;

/// <summary>
/// A card's screen for card operators and the tenant admin: the card, its customer, status, expiry, PIN state, the whole
/// history (newest first) and the actions its status allows, each with the reasons offered for it.
/// </summary>
public static class CardScreen
{
    public sealed record HistoryRow(DateTimeOffset At, CardEvent Event, CardStatus? From, CardStatus To, string ByName, string? Reason,
        string? Observation, Guid? RelatedCardId, string? RelatedNumber);

    public sealed record ActionOffer(CardOperations Operation, string Route, List<ReasonList.Row> Reasons);

    public sealed record Model(Guid Id, string Number, CardStatus Status, DateOnly ExpiresOn, bool Expired, DateTimeOffset IssuedAt,
        Guid CustomerId, string CustomerName, string Document, Guid? ReplacesId, string? ReplacesNumber, Guid? ReplacedById,
        string? ReplacedByNumber, CardPin? Pin, List<HistoryRow> History, List<ActionOffer> Actions);

    public sealed class Handler(LoyaltyDbContext db, CustomerRules rules)
    {
        /// <summary>The card by its whole number (what people read) or by its id (links from other screens).</summary>
        public async Task<Guid?> FindAsync(string key, CancellationToken cancellationToken) =>
            Guid.TryParse(key, out var id)
                ? await db.Cards.Where(c => c.Id == id).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken)
                : await db.Cards.Where(c => c.Number == key).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);

        /// <summary>The card's number, for the address a screen is reached at after an action (never its id).</summary>
        public Task<string> NumberAsync(Guid id, CancellationToken cancellationToken) =>
            db.Cards.Where(c => c.Id == id).Select(c => c.Number).SingleAsync(cancellationToken);

        public async Task<Model?> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var card = await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (card is null)
            {
                return null;
            }
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == card.CustomerId)
                .Select(c => new { c.Name, c.PersonType, c.Document }).SingleAsync(cancellationToken);
            var related = new[] { card.ReplacesCardId, card.ReplacedByCardId }.OfType<Guid>().ToList();
            var history = await db.CardHistory.AsNoTracking().Where(h => h.CardId == id).OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
                .ToListAsync(cancellationToken);
            related.AddRange(history.Select(h => h.RelatedCardId).OfType<Guid>());
            var numbers = await db.Cards.AsNoTracking().Where(c => related.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
            var pin = await db.CardPins.AsNoTracking().SingleOrDefaultAsync(p => p.CardId == id, cancellationToken);
            var today = await rules.TodayAsync(cancellationToken);
            return new Model(card.Id, card.Number, card.Status, card.ExpiresOn, card.IsExpiredOn(today), card.IssuedAt, card.CustomerId,
                customer.Name, CustomerDocument.Format(customer.PersonType, customer.Document),
                card.ReplacesCardId, Number(numbers, card.ReplacesCardId), card.ReplacedByCardId, Number(numbers, card.ReplacedByCardId), pin,
                [.. history.Select(h => new HistoryRow(h.At, h.Event, h.FromStatus, h.ToStatus, h.ByName, h.Reason, h.Observation,
                    h.RelatedCardId, Number(numbers, h.RelatedCardId)))],
                await ActionsAsync(card, cancellationToken));
        }

        private async Task<List<ActionOffer>> ActionsAsync(Card card, CancellationToken cancellationToken)
        {
            var offers = new List<ActionOffer>();
            foreach (var operation in ReasonOperations.All.Where(o => card.Allows(CardAction.EventOf(o))))
            {
                offers.Add(new ActionOffer(operation, CardAction.RouteOf(operation), await ReasonList.ForAsync(db, operation, cancellationToken)));
            }
            return offers;
        }

        private static string? Number(Dictionary<Guid, string> numbers, Guid? id) => id is { } key ? numbers.GetValueOrDefault(key) : null;
    }
}
