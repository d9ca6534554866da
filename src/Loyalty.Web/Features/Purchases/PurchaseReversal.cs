using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// A POS voiding a coupon or returning part of it (SPEC §5, §10). Each runs in one transaction holding the purchase's
/// row lock, so two cancellations, or two returns of one purchase, queue and the second sees what the first did.
/// </summary>
public static class PurchaseReversal
{
    public enum Kind
    {
        Done,
        Replayed,
        Invalid,
        NotFound,
        Conflict,
        Unprocessable,
    }

    public sealed record Reversed(Guid PurchaseId, long PointsReversed, long Balance);

    public sealed record Outcome(Kind Kind, Reversed? Value = null, IReadOnlyList<FieldError>? Errors = null, string? Problem = null);

    /// <summary>POST …/returns. Items, when sent, are the POS's detail of the amount; the amount is what counts.</summary>
    public sealed class ReturnRequest
    {
        public string? ReturnNumber { get; set; }
        public DateTimeOffset? OccurredAt { get; set; }
        public decimal? Amount { get; set; }
        public List<PurchaseRequestItem>? Items { get; set; }
    }

    public sealed class Handler(LoyaltyDbContext db, PointsLedger ledger, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        /// <summary>Idempotent: a coupon already cancelled answers what its cancellation reversed.</summary>
        public Task<Outcome> CancelAsync(Guid storeId, string pos, string coupon, CancellationToken cancellationToken) =>
            InPurchaseAsync(storeId, pos, coupon, async purchase =>
            {
                if (purchase.CancelledAt is not null)
                {
                    return new Outcome(Kind.Replayed, await ResultAsync(purchase, purchase.CancellationPointsReversed ?? 0, cancellationToken));
                }
                var now = clock.GetUtcNow();
                var points = purchase.Cancel(now);
                await ReverseAsync(purchase, LedgerEntryKind.PurchaseCancellation, points, now, cancellationToken);
                await VoidGiftsAsync(purchase.Id, now, cancellationToken);
                return new Outcome(Kind.Done, await ResultAsync(purchase, points, cancellationToken));
            }, cancellationToken);

        /// <summary>Idempotent on the return number: the same number and amount answers the first return; another amount is a conflict.</summary>
        public async Task<Outcome> ReturnAsync(Guid storeId, string pos, string coupon, ReturnRequest request, CancellationToken cancellationToken)
        {
            if (Validate(request) is { Count: > 0 } errors)
            {
                return new Outcome(Kind.Invalid, Errors: errors);
            }
            if (!PurchaseBounds.AmountWithin(request.Amount!.Value))
            {
                // More than any purchase may total, so more than this one's: refused before any arithmetic on it can overflow.
                return new Outcome(Kind.Unprocessable, Problem: l["Purchase.ReturnExceedsTotal"]);
            }
            var number = request.ReturnNumber!.Trim();
            return await InPurchaseAsync(storeId, pos, coupon, async purchase =>
            {
                var earlier = await db.PurchaseReturns.AsNoTracking()
                    .SingleOrDefaultAsync(r => r.PurchaseId == purchase.Id && r.ReturnNumber == number, cancellationToken);
                if (earlier is not null)
                {
                    return earlier.Amount == request.Amount
                        ? new Outcome(Kind.Replayed, await ResultAsync(purchase, earlier.PointsReversed, cancellationToken))
                        : new Outcome(Kind.Conflict, Problem: l["Purchase.ReturnConflict"]);
                }
                if (purchase.CancelledAt is not null)
                {
                    return new Outcome(Kind.Unprocessable, Problem: l["Purchase.Cancelled"]);
                }
                if (purchase.ReturnedAmount + request.Amount!.Value > purchase.TotalAmount)
                {
                    return new Outcome(Kind.Unprocessable, Problem: l["Purchase.ReturnExceedsTotal"]);
                }
                var now = clock.GetUtcNow();
                var points = purchase.Return(request.Amount.Value);
                db.PurchaseReturns.Add(PurchaseReturn.Of(purchase.Id, number, request.OccurredAt!.Value, request.Amount.Value, points, now));
                await ReverseAsync(purchase, LedgerEntryKind.Return, points, now, cancellationToken);
                return new Outcome(Kind.Done, await ResultAsync(purchase, points, cancellationToken));
            }, cancellationToken);
        }

        private List<FieldError> Validate(ReturnRequest request)
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(request.ReturnNumber))
            {
                errors.Add(new FieldError("returnNumber", l["Validation.Required"]));
            }
            else if (request.ReturnNumber.Trim().Length > PurchaseReturn.ReturnNumberMaxLength)
            {
                errors.Add(new FieldError("returnNumber", l["Validation.TooLong", PurchaseReturn.ReturnNumberMaxLength]));
            }
            if (request.OccurredAt is null)
            {
                errors.Add(new FieldError("occurredAt", l["Validation.Required"]));
            }
            if (request.Amount is not { } amount)
            {
                errors.Add(new FieldError("amount", l["Validation.Required"]));
            }
            else if (amount <= 0 || decimal.Round(amount, 2) != amount)
            {
                errors.Add(new FieldError("amount", l["Purchase.AmountInvalid"]));
            }
            return errors;
        }

        private async Task<Outcome> InPurchaseAsync(Guid storeId, string pos, string coupon, Func<Purchase, Task<Outcome>> act,
            CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (p, c) = (pos.Trim(), coupon.Trim());
            var id = await db.Database.SqlQuery<Guid>(
                    $"SELECT id AS \"Value\" FROM purchases WHERE store_id = {storeId} AND pos_number = {p} AND coupon_number = {c} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken);
            var purchase = id == Guid.Empty ? null : await db.Purchases.SingleAsync(x => x.Id == id, cancellationToken);
            if (purchase is null)
            {
                return new Outcome(Kind.NotFound, Problem: l["Purchase.NotFound"]);
            }
            var outcome = await act(purchase);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }

        private async Task ReverseAsync(Purchase purchase, LedgerEntryKind kind, long points, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (points > 0)
            {
                await ledger.ReverseAsync(purchase.CustomerId, kind, points, purchase.Id, now, cancellationToken);
            }
        }

        /// <summary>The gifts of a voided coupon not yet handed over are no longer due (<see cref="Domain.Campaigns.GiftVoucher.Void"/>);
        /// one conditional UPDATE, so a delivery committed at the same moment stays delivered and is not voided.</summary>
        private Task<int> VoidGiftsAsync(Guid purchaseId, DateTimeOffset now, CancellationToken cancellationToken) =>
            db.GiftVouchers.Where(v => v.PurchaseId == purchaseId && v.DeliveredAt == null && v.VoidedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.VoidedAt, now), cancellationToken);

        private async Task<Reversed> ResultAsync(Purchase purchase, long points, CancellationToken cancellationToken)
        {
            var accountId = await db.Customers.AsNoTracking().Where(c => c.Id == purchase.CustomerId)
                .Select(c => c.AccountHolderId).SingleAsync(cancellationToken);
            return new Reversed(purchase.Id, points, await BalanceAsync(accountId, cancellationToken));
        }

        private async Task<long> BalanceAsync(Guid accountId, CancellationToken cancellationToken) =>
            await db.PointsAccounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => (long?)a.Balance)
                .SingleOrDefaultAsync(cancellationToken) ?? 0;
    }
}
