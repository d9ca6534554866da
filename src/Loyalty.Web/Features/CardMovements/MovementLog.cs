using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Domain.Points;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.CardMovements;

/// <summary>
/// "Movimento de cartões" (SPEC §9, seed 001): the purchases a card was presented for, by store and period — date, POS,
/// coupon, the card's status today, the card (masked unless the role may see it whole) and the customer. A store manager
/// sees only their stores; a store outside the scope answers as if it had no movement.
/// </summary>
public static class MovementLog
{
    public const int PageSize = 50;
    public const int DefaultDays = 7;

    public sealed class Query
    {
        [Display(Name = "Statement.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Statement.To")]
        public DateOnly? To { get; set; }

        [Display(Name = "Purchases.Store")]
        public Guid? StoreId { get; set; }

        public int Page { get; set; } = 1;
    }

    public sealed record Option(Guid Id, string Name);

    public sealed record Row(DateTimeOffset OccurredAt, string Store, string PosNumber, string CouponNumber, CardStatus? Status,
        string Card, Guid CustomerId, string CustomerName);

    public sealed record Result(Query Query, List<Row> Rows, bool HasNext, bool PeriodInvalid, List<Option> Stores);

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope, CardNumberDisplay cards, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            query.Page = ListBounds.Page(query.Page, PageSize);
            query.From = ListBounds.Date(query.From);
            query.To = ListBounds.Date(query.To);
            var tenantId = db.Tenant.RequiredTenantId;
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
            query.To ??= tenant.LocalDate(clock.GetUtcNow());
            query.From ??= query.To.Value.AddDays(-DefaultDays);
            var stores = await scope.Apply(db.Stores.AsNoTracking()).OrderBy(s => s.Code)
                .Select(s => new Option(s.Id, s.Code + " — " + s.Name)).ToListAsync(cancellationToken);
            if (query.From > query.To)
            {
                return new Result(query, [], false, true, stores);
            }
            var start = PointsExpiry.StartOfDay(query.From.Value, tenant.TimeZone);
            var end = PointsExpiry.StartOfDay(query.To.Value.AddDays(1), tenant.TimeZone);
            var visible = scope.Apply(db.Stores).Select(s => s.Id);
            var purchases = db.Purchases.AsNoTracking()
                .Where(p => p.CardNumber != null && visible.Contains(p.StoreId) && p.OccurredAt >= start && p.OccurredAt < end);
            if (query.StoreId is { } storeId)
            {
                purchases = purchases.Where(p => p.StoreId == storeId);
            }
            var rows = await purchases.OrderByDescending(p => p.OccurredAt).ThenByDescending(p => p.Id)
                .Skip((query.Page - 1) * PageSize).Take(PageSize + 1)
                .Select(p => new
                {
                    p.OccurredAt, p.PosNumber, p.CouponNumber, p.CardNumber, p.CustomerId,
                    Store = db.Stores.Where(s => s.Id == p.StoreId).Select(s => s.Code + " — " + s.Name).First(),
                    Status = db.Cards.Where(c => c.Number == p.CardNumber).Select(c => (CardStatus?)c.Status).FirstOrDefault(),
                    Customer = db.Customers.Where(c => c.Id == p.CustomerId).Select(c => c.Name).First(),
                })
                .ToListAsync(cancellationToken);
            return new Result(query, [.. rows.Take(PageSize).Select(r => new Row(r.OccurredAt, r.Store, r.PosNumber, r.CouponNumber, r.Status,
                cards.Show(r.CardNumber!), r.CustomerId, r.Customer))], rows.Count > PageSize, false, stores);
        }
    }
}
