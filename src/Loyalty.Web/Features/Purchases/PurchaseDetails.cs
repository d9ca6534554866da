using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// One purchase as the back-office sees it: the coupon (items with the catalogue's description where it knows the
/// code, payments, totals), its returns, what it earned and what was reversed, the audit decision and the
/// cancellation, and the ledger entries it caused. A purchase of a store outside the user's scope does not exist.
/// </summary>
public static class PurchaseDetails
{
    public sealed record Item(int Line, string ProductCode, string? Description, decimal Quantity, decimal UnitPrice, decimal Total);

    public sealed record Payment(string Method, decimal Amount);

    public sealed record Return(string ReturnNumber, DateTimeOffset OccurredAt, decimal Amount, long PointsReversed);

    public sealed record Movement(DateTimeOffset OccurredAt, LedgerEntryKind Kind, long Points, string Actor);

    public sealed class Model
    {
        public required Guid Id { get; init; }
        public required string Store { get; init; }
        public required string PosNumber { get; init; }
        public required string CouponNumber { get; init; }
        public required DateTimeOffset OccurredAt { get; init; }
        public required DateTimeOffset RecordedAt { get; init; }
        public required PurchaseOrigin Origin { get; init; }
        public required Guid CustomerId { get; init; }
        public required string CustomerName { get; init; }
        public string? Card { get; init; }
        public required decimal Total { get; init; }
        public required decimal Returned { get; init; }
        public required long PointsEarned { get; init; }
        public required long PointsReversed { get; init; }
        public required PointsStatus Status { get; init; }
        public required IReadOnlyList<string> AuditReasons { get; init; }
        public string? RejectionReason { get; init; }
        public DateTimeOffset? AuditedAt { get; init; }
        public DateTimeOffset? CancelledAt { get; init; }
        public long? CancellationPointsReversed { get; init; }
        public required List<Item> Items { get; init; }
        public required List<Payment> Payments { get; init; }
        public required List<Return> Returns { get; init; }
        public required List<Movement> Movements { get; init; }
    }

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope, CardNumberDisplay cards)
    {
        /// <returns>Null when there is no such purchase in the tenant, or its store is not the user's.</returns>
        public async Task<Model?> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var visible = scope.Apply(db.Stores).Select(s => s.Id);
            var p = await db.Purchases.AsNoTracking().Include(x => x.Items).Include(x => x.Payments).AsSplitQuery()
                .SingleOrDefaultAsync(x => x.Id == id && visible.Contains(x.StoreId), cancellationToken);
            if (p is null)
            {
                return null;
            }
            var codes = p.Items.Select(i => i.ProductCode.Trim().ToUpperInvariant()).Distinct().ToList();
            var descriptions = await db.Products.AsNoTracking().Where(x => codes.Contains(x.Code))
                .ToDictionaryAsync(x => x.Code, x => x.Description, cancellationToken);
            return new Model
            {
                Id = p.Id,
                Store = await db.Stores.Where(s => s.Id == p.StoreId).Select(s => s.Code + " — " + s.Name).SingleAsync(cancellationToken),
                PosNumber = p.PosNumber,
                CouponNumber = p.CouponNumber,
                OccurredAt = p.OccurredAt,
                RecordedAt = p.RecordedAt,
                Origin = p.Origin,
                CustomerId = p.CustomerId,
                CustomerName = await db.Customers.Where(c => c.Id == p.CustomerId).Select(c => c.Name).SingleAsync(cancellationToken),
                Card = p.CardNumber is { } card ? cards.Show(card) : null,
                Total = p.TotalAmount,
                Returned = p.ReturnedAmount,
                PointsEarned = p.PointsEarned,
                PointsReversed = p.PointsReversed,
                Status = p.PointsStatus,
                AuditReasons = (p.AuditReasons ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
                RejectionReason = p.RejectionReason,
                AuditedAt = p.AuditedAt,
                CancelledAt = p.CancelledAt,
                CancellationPointsReversed = p.CancellationPointsReversed,
                Items = [.. p.Items.OrderBy(i => i.LineNumber).Select(i => new Item(i.LineNumber, i.ProductCode,
                    descriptions.GetValueOrDefault(i.ProductCode.Trim().ToUpperInvariant()), i.Quantity, i.UnitPrice, i.TotalPrice))],
                Payments = [.. p.Payments.OrderBy(x => x.Id).Select(x => new Payment(x.Method, x.Amount))],
                Returns = await db.PurchaseReturns.AsNoTracking().Where(r => r.PurchaseId == id).OrderBy(r => r.OccurredAt)
                    .Select(r => new Return(r.ReturnNumber, r.OccurredAt, r.Amount, r.PointsReversed)).ToListAsync(cancellationToken),
                Movements = await db.LedgerEntries.AsNoTracking().Where(e => e.PurchaseId == id).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
                    .Select(e => new Movement(e.OccurredAt, e.Kind, e.Points, e.Actor)).ToListAsync(cancellationToken),
            };
        }
    }
}
