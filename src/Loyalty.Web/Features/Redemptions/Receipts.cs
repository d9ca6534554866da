using Loyalty.Domain.Cards;
using Loyalty.Domain.Numbering;
using Loyalty.Domain.Points;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// "Recibo" (seed 001, "Função 7 - Recibo"): what the customer signs for a prize taken, a prize returned, or gifts
/// delivered, naming the cashier by their name. Read back from what was recorded, so a receipt printed again later says the same; the balance is the
/// account's right after the operation's ledger entry. Only receipts of the stores the user serves are found. Its number
/// is the operation's own (RES-, CAN-, BRI-…), and it prints in the format of the store where the operation happened.
/// </summary>
public static class Receipts
{
    public enum Kind
    {
        Redemption,
        Cancellation,
        GiftDelivery,
    }

    public sealed record Line(string Item, int Quantity, long? PointsEach);

    public sealed record Receipt(Kind Kind, string Number, string Company, string Store, DateTimeOffset At, Guid CustomerId, string Customer,
        string Document, string? Card, string Campaign, List<Line> Lines, long? TotalPoints, long BalanceAfter, string Operator, string? Reason,
        ReceiptFormat Format);

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope)
    {
        public Task<Receipt?> RedemptionAsync(Guid redemptionId, CancellationToken cancellationToken) =>
            OfRedemptionAsync(redemptionId, Kind.Redemption, cancellationToken);

        /// <returns>Null also when the redemption was not cancelled.</returns>
        public Task<Receipt?> CancellationAsync(Guid redemptionId, CancellationToken cancellationToken) =>
            OfRedemptionAsync(redemptionId, Kind.Cancellation, cancellationToken);

        private async Task<Receipt?> OfRedemptionAsync(Guid redemptionId, Kind kind, CancellationToken cancellationToken)
        {
            var r = await db.Redemptions.AsNoTracking().Include(x => x.Lines).SingleOrDefaultAsync(x => x.Id == redemptionId, cancellationToken);
            if (r is null || !scope.Allows(r.StoreId) || (kind == Kind.Cancellation && r.CancelledAt is null))
            {
                return null;
            }
            var entryKind = kind == Kind.Redemption ? LedgerEntryKind.Redemption : LedgerEntryKind.RedemptionCancellation;
            var entry = await db.LedgerEntries.Where(e => e.RedemptionId == r.Id && e.Kind == entryKind).Select(e => new { e.Id, e.UserId })
                .SingleOrDefaultAsync(cancellationToken);
            if (entry is null)
            {
                return null;
            }
            var entryId = entry.Id;
            var productIds = r.Lines.Select(x => x.ProductId).ToList();
            var products = await db.Products.AsNoTracking().Where(k => productIds.Contains(k.Id))
                .ToDictionaryAsync(k => k.Id, k => k.Code + " — " + k.Description, cancellationToken);
            var customer = await CustomerAsync(r.CustomerId, cancellationToken);
            var store = await StoreAsync(r.StoreId, cancellationToken);
            return new Receipt(
                kind,
                kind == Kind.Redemption ? DocumentNumber.Format(DocumentKind.Redemption, r.Number)
                    : DocumentNumber.Format(DocumentKind.RedemptionCancellation, r.CancellationNumber!.Value),
                await CompanyAsync(cancellationToken),
                store.Label,
                kind == Kind.Redemption ? r.RedeemedAt : r.CancelledAt!.Value,
                r.CustomerId,
                customer.Name,
                customer.Document,
                r.CardNumber is null ? null : Card.Mask(r.CardNumber),
                await CampaignAsync(r.CampaignId, cancellationToken),
                [.. r.Lines.OrderBy(x => x.Id).Select(x => new Line(products[x.ProductId], x.Quantity, x.PointsEach))],
                r.TotalPoints,
                await db.LedgerEntries.Where(e => e.AccountId == r.AccountId && e.Id <= entryId).SumAsync(e => e.Points, cancellationToken),
                await OperatorAsync(entry.UserId, kind == Kind.Redemption ? r.RedeemedBy : r.CancelledBy!, cancellationToken),
                kind == Kind.Cancellation ? r.CancellationReason : null,
                store.Format);
        }

        /// <summary>Gifts delivered together: same account, campaign, store and moment.</summary>
        public async Task<Receipt?> GiftsAsync(IReadOnlyCollection<Guid> voucherIds, CancellationToken cancellationToken)
        {
            var ids = voucherIds.Distinct().ToList();
            var vouchers = await db.GiftVouchers.AsNoTracking().Where(v => ids.Contains(v.Id)).OrderBy(v => v.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0 || vouchers.Count != ids.Count || vouchers.Any(v => v.DeliveredStoreId is not { } store || !scope.Allows(store))
                || vouchers.Select(v => (v.AccountId, v.CampaignId, v.DeliveredStoreId, v.DeliveredAt, v.DeliveryNumber)).Distinct().Count() != 1)
            {
                return null;
            }
            var first = vouchers[0];
            var productIds = vouchers.Select(v => v.GiftProductId).ToList();
            var products = await db.Products.AsNoTracking().Where(k => productIds.Contains(k.Id))
                .ToDictionaryAsync(k => k.Id, k => k.Code + " — " + k.Description, cancellationToken);
            var customer = await CustomerAsync(first.AccountId, cancellationToken);
            var at = first.DeliveredAt!.Value;
            var store = await StoreAsync(first.DeliveredStoreId!.Value, cancellationToken);
            return new Receipt(
                Kind.GiftDelivery,
                DocumentNumber.Format(DocumentKind.GiftDelivery, first.DeliveryNumber!.Value),
                await CompanyAsync(cancellationToken),
                store.Label,
                at,
                first.AccountId,
                customer.Name,
                customer.Document,
                customer.Card,
                await CampaignAsync(first.CampaignId, cancellationToken),
                [.. vouchers.Select(v => new Line(products[v.GiftProductId], v.Quantity, null))],
                null,
                await db.LedgerEntries.Where(e => e.AccountId == first.AccountId && e.RecordedAt <= at).SumAsync(e => e.Points, cancellationToken),
                await OperatorAsync(null, first.DeliveredBy!, cancellationToken),
                null,
                store.Format);
        }

        /// <summary>The cashier as the receipt names them (<see cref="OperatorNames"/>), or what was recorded when no user matches.</summary>
        private async Task<string> OperatorAsync(Guid? userId, string recorded, CancellationToken cancellationToken)
        {
            var who = new OperatorNames.Operator(userId, recorded);
            return (await OperatorNames.FindAsync(db, [who], cancellationToken)).GetValueOrDefault(who, recorded);
        }

        private async Task<(string Name, string Document, string? Card)> CustomerAsync(Guid customerId, CancellationToken cancellationToken)
        {
            var c = await db.Customers.AsNoTracking().Where(x => x.Id == customerId)
                .Select(x => new { x.Name, x.PersonType, x.Document }).SingleAsync(cancellationToken);
            var card = await db.Cards.AsNoTracking().Where(k => k.CustomerId == customerId)
                .OrderByDescending(k => k.Status == CardStatus.Active).ThenByDescending(k => k.IssuedAt).Select(k => k.Number)
                .FirstOrDefaultAsync(cancellationToken);
            return (c.Name, CustomerDocument.Masked(c.PersonType, c.Document), card is null ? null : Card.Mask(card));
        }

        private Task<string> CompanyAsync(CancellationToken cancellationToken)
        {
            var tenantId = db.Tenant.RequiredTenantId;
            return db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Name).SingleAsync(cancellationToken);
        }

        private async Task<(string Label, ReceiptFormat Format)> StoreAsync(Guid storeId, CancellationToken cancellationToken)
        {
            var store = await db.Stores.AsNoTracking().Where(s => s.Id == storeId)
                .Select(s => new { Label = s.Code + " — " + s.Name, s.ReceiptFormat }).SingleAsync(cancellationToken);
            return (store.Label, store.ReceiptFormat);
        }

        private Task<string> CampaignAsync(Guid campaignId, CancellationToken cancellationToken) =>
            db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => c.Description).SingleAsync(cancellationToken);
    }
}
