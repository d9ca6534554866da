using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.PointsAudit;

/// <summary>The accruals waiting for audit (SPEC §5 step 4), oldest first, of the stores the user may see.</summary>
public static class AuditQueue
{
    public const int PageSize = 50;

    public sealed record Query(int Page = 1);

    public sealed record Row(Guid PurchaseId, DateTimeOffset OccurredAt, Guid CustomerId, string CustomerName, string StoreName,
        string PosNumber, string CouponNumber, decimal Amount, long Points, IReadOnlyList<string> Reasons);

    public sealed record Result(Query Query, IReadOnlyList<Row> Rows, bool HasNext);

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var page = Math.Max(1, query.Page);
            var stores = scope.Apply(db.Stores).Select(s => s.Id);
            var rows = await db.Purchases.AsNoTracking()
                .Where(p => p.PointsStatus == PointsStatus.PendingAudit && stores.Contains(p.StoreId))
                .OrderBy(p => p.OccurredAt).ThenBy(p => p.Id)
                .Skip((page - 1) * PageSize).Take(PageSize + 1)
                .Select(p => new
                {
                    p.Id, p.OccurredAt, p.CustomerId,
                    CustomerName = db.Customers.Where(c => c.Id == p.CustomerId).Select(c => c.Name).First(),
                    StoreName = db.Stores.Where(s => s.Id == p.StoreId).Select(s => s.Name).First(),
                    p.PosNumber, p.CouponNumber, p.TotalAmount, Points = p.PointsEarned - p.PointsReversed, p.AuditReasons,
                })
                .ToListAsync(cancellationToken);
            return new Result(query with { Page = page }, [.. rows.Take(PageSize).Select(r => new Row(
                r.Id, r.OccurredAt, r.CustomerId, r.CustomerName, r.StoreName, r.PosNumber, r.CouponNumber, r.TotalAmount, r.Points,
                (r.AuditReasons ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)))], rows.Count > PageSize);
        }
    }
}
