using Loyalty.Domain.Cards;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers;

/// <summary>A customer's main card: the active one issued last, else the one issued last (a reissue cancels the old).</summary>
public static class MainCards
{
    public static async Task<Dictionary<Guid, string>> ForAsync(LoyaltyDbContext db, IReadOnlyCollection<Guid> customerIds,
        CardNumberDisplay display, CancellationToken cancellationToken)
    {
        if (customerIds.Count == 0)
        {
            return [];
        }
        var cards = await db.Cards.AsNoTracking().Where(k => customerIds.Contains(k.CustomerId))
            .Select(k => new { k.CustomerId, k.Number, k.Status, k.IssuedAt })
            .ToListAsync(cancellationToken);
        return cards.GroupBy(k => k.CustomerId).ToDictionary(g => g.Key, g => display.Show(g
            .OrderByDescending(k => k.Status == CardStatus.Active).ThenByDescending(k => k.IssuedAt).First().Number));
    }
}
