using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.CardMaintenance;

/// <summary>
/// "Cartões vencidos / a vencer" (SPEC §8): cards past their expiry date, or expiring within the next N days, soonest
/// first. Cancelled cards are left out: there is nothing left to do with them.
/// </summary>
public static class ExpiringCards
{
    public const int PageSize = 50;
    public const int DefaultDays = 30;
    public const int MaxDays = 3650;

    public sealed class Query
    {
        /// <summary>True: already expired; false: expiring within <see cref="Days"/>.</summary>
        public bool Expired { get; set; } = true;

        public string? Days { get; set; }

        public int Page { get; set; } = 1;
    }

    public sealed record Row(string Number, CardStatus Status, DateOnly ExpiresOn, Guid CustomerId, string CustomerName);

    public sealed record Result(Query Query, int Days, bool DaysInvalid, DateOnly Today, List<Row> Rows, bool HasNext);

    public sealed class Handler(LoyaltyDbContext db, CustomerRules rules)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            query.Page = ListBounds.Page(query.Page, PageSize);
            var today = await rules.TodayAsync(cancellationToken);
            var daysInvalid = !string.IsNullOrWhiteSpace(query.Days)
                && !(int.TryParse(query.Days.Trim(), out var typed) && typed is >= 1 and <= MaxDays);
            var days = !daysInvalid && int.TryParse(query.Days?.Trim(), out var parsed) ? parsed : DefaultDays;
            if (daysInvalid && !query.Expired)
            {
                return new Result(query, days, true, today, [], false);
            }
            var cards = db.Cards.AsNoTracking().Where(c => c.Status != CardStatus.Cancelled);
            var until = today.AddDays(days);
            cards = query.Expired ? cards.Where(c => c.ExpiresOn < today) : cards.Where(c => c.ExpiresOn >= today && c.ExpiresOn <= until);
            var rows = await cards.OrderBy(c => c.ExpiresOn).ThenBy(c => c.Number)
                .Skip((query.Page - 1) * PageSize).Take(PageSize + 1)
                .Select(c => new Row(c.Number, c.Status, c.ExpiresOn, c.CustomerId,
                    db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First()))
                .ToListAsync(cancellationToken);
            return new Result(query, days, daysInvalid, today, [.. rows.Take(PageSize)], rows.Count > PageSize);
        }
    }
}
