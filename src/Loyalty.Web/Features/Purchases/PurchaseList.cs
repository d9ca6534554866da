using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// "Compras": the purchases of the stores the user may see, newest first, filtered by customer (document, card or
/// name, as the customer search reads them), product code, period, store and POS/coupon. The period is in the
/// tenant's calendar, the last <see cref="DefaultDays"/> days unless chosen, so a page never sorts the whole history.
/// Like the customer list, there is no total count: the page number and whether a next page exists.
/// </summary>
public static class PurchaseList
{
    public const int PageSize = 50;
    public const int DefaultDays = 30;

    public sealed class Query
    {
        [Display(Name = "Purchases.Customer")]
        public string? Customer { get; set; }

        [Display(Name = "Purchases.ProductCode")]
        public string? ProductCode { get; set; }

        [Display(Name = "Statement.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Statement.To")]
        public DateOnly? To { get; set; }

        [Display(Name = "Purchases.Store")]
        public Guid? StoreId { get; set; }

        [Display(Name = "Purchases.PosNumber")]
        public string? Pos { get; set; }

        [Display(Name = "Purchases.CouponNumber")]
        public string? Coupon { get; set; }

        public int Page { get; set; } = 1;
    }

    public sealed record Row(Guid Id, DateTimeOffset OccurredAt, string Store, string PosNumber, string CouponNumber, Guid CustomerId,
        string CustomerName, decimal Total, decimal Returned, long Points, PointsStatus Status, bool Cancelled);

    public sealed record Option(Guid Id, string Name);

    public sealed record Result(Query Query, List<Row> Rows, bool HasNext, bool PeriodInvalid, List<Option> Stores);

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope, CustomerSearch search, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            query.Page = Shared.ListBounds.Page(query.Page, PageSize);
            query.From = Shared.ListBounds.Date(query.From);
            query.To = Shared.ListBounds.Date(query.To);
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
            var rows = await Filtered(query, tenant.TimeZone)
                .OrderByDescending(p => p.OccurredAt).ThenByDescending(p => p.Id)
                .Skip((query.Page - 1) * PageSize).Take(PageSize + 1)
                .Select(p => new Row(
                    p.Id, p.OccurredAt,
                    db.Stores.Where(s => s.Id == p.StoreId).Select(s => s.Code + " — " + s.Name).First(),
                    p.PosNumber, p.CouponNumber, p.CustomerId,
                    db.Customers.Where(c => c.Id == p.CustomerId).Select(c => c.Name).First(),
                    p.TotalAmount, p.ReturnedAmount, p.PointsEarned, p.PointsStatus, p.CancelledAt != null))
                .ToListAsync(cancellationToken);
            return new Result(query, [.. rows.Take(PageSize)], rows.Count > PageSize, false, stores);
        }

        private IQueryable<Purchase> Filtered(Query query, TimeZoneInfo zone)
        {
            var start = PointsExpiry.StartOfDay(query.From!.Value, zone);
            var end = PointsExpiry.StartOfDay(query.To!.Value.AddDays(1), zone);
            var visible = scope.Apply(db.Stores).Select(s => s.Id);
            var purchases = db.Purchases.AsNoTracking()
                .Where(p => visible.Contains(p.StoreId) && p.OccurredAt >= start && p.OccurredAt < end);
            if (query.StoreId is { } storeId)
            {
                purchases = purchases.Where(p => p.StoreId == storeId);
            }
            if (!string.IsNullOrWhiteSpace(query.Pos))
            {
                var pos = query.Pos.Trim();
                purchases = purchases.Where(p => p.PosNumber == pos);
            }
            if (!string.IsNullOrWhiteSpace(query.Coupon))
            {
                var coupon = query.Coupon.Trim();
                purchases = purchases.Where(p => p.CouponNumber == coupon);
            }
            if (!string.IsNullOrWhiteSpace(query.ProductCode))
            {
                // Codes are kept as the POS sent them; the catalogue writes them in upper case.
                var code = query.ProductCode.Trim();
                var upper = code.ToUpperInvariant();
                purchases = purchases.Where(p => db.PurchaseItems.Any(i => i.PurchaseId == p.Id && (i.ProductCode == code || i.ProductCode == upper)));
            }
            var term = CustomerSearchTerm.Parse(query.Customer);
            if (!term.IsEmpty)
            {
                var customers = search.Matching(db.Customers, term).Select(c => c.Id);
                purchases = purchases.Where(p => customers.Contains(p.CustomerId));
            }
            return purchases;
        }
    }
}
