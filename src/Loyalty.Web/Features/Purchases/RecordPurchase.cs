using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// A purchase from a POS (SPEC §5, §10): validated, recorded once per store + POS + coupon, earned and answered in one
/// transaction on one connection. The unique index on the coupon decides between two identical posts at the same
/// instant: the second waits on it, fails, and answers what the first stored.
/// </summary>
public static class RecordPurchase
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public enum Kind
    {
        Created,
        Replayed,
        Invalid,
        Conflict,
        Unprocessable,
    }

    /// <summary>The answer to the POS: the points, and the discounts and gift vouchers of the periodic campaigns.</summary>
    public sealed record Receipt(
        Guid PurchaseId, long PointsEarned, string PointsStatus, long Balance, IReadOnlyList<DiscountGiven> Discounts,
        IReadOnlyList<PurchaseEarning.IssuedGift> GiftVouchers);

    /// <summary><paramref name="Json"/> is the receipt exactly as first answered.</summary>
    public sealed record Outcome(Kind Kind, string? Json = null, IReadOnlyList<FieldError>? Errors = null, string? Problem = null);

    public static string StatusName(PointsStatus status) => status switch
    {
        PointsStatus.Credited => "credited",
        PointsStatus.PendingAudit => "pendingAudit",
        _ => "none",
    };

    public sealed class Handler(LoyaltyDbContext db, PurchaseEarning earning, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public Task<Outcome> HandleAsync(Guid storeId, PurchaseRequest request, CancellationToken cancellationToken) =>
            HandleAsync(storeId, request, PurchaseOrigin.Pos, cancellationToken);

        /// <param name="origin">The POS, or the back-office typing a purchase by hand: the same rules either way.</param>
        public async Task<Outcome> HandleAsync(Guid storeId, PurchaseRequest request, PurchaseOrigin origin, CancellationToken cancellationToken)
        {
            if (PurchaseRequestRules.Validate(request, l) is { Count: > 0 } errors)
            {
                return new Outcome(Kind.Invalid, Errors: errors);
            }
            // One connection for the whole purchase: the tenant is set on it once, every read and the transaction share it.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                return await RecordAsync(storeId, request, origin, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task<Outcome> RecordAsync(Guid storeId, PurchaseRequest request, PurchaseOrigin origin, CancellationToken cancellationToken)
        {
            var hash = PurchaseRequestRules.Hash(request);
            var pos = request.PosNumber!.Trim();
            var coupon = request.CouponNumber!.Trim();
            if (await AnswerOfAsync(storeId, pos, coupon, hash, cancellationToken) is { } earlier)
            {
                return earlier;
            }
            var now = clock.GetUtcNow();
            var occurredAt = request.OccurredAt!.Value;
            if (occurredAt < now - MaxAge || occurredAt > now + MaxAhead)
            {
                return new Outcome(Kind.Unprocessable, Problem: l["Purchase.OccurredAtOutOfWindow"]);
            }
            var identifier = CustomerIdentifier.Parse(string.IsNullOrWhiteSpace(request.Customer!.CardNumber) ? request.Customer.Document : request.Customer.CardNumber)!;
            var (customerId, cardNumber) = await CustomerAsync(identifier, cancellationToken);
            if (customerId is not { } id)
            {
                return new Outcome(Kind.Unprocessable, Problem: l["Purchase.CustomerNotFound"]);
            }
            var purchase = Purchase.Record(
                new PurchaseHeader(storeId, pos, coupon, occurredAt, id, cardNumber, request.TotalAmount!.Value, hash),
                request.Items!.Select((i, n) => PurchaseItem.Of(n + 1, i.ProductCode!, i.Quantity!.Value, i.UnitPrice!.Value, i.TotalPrice!.Value)),
                request.Payments!.Select(p => PurchasePayment.Of(p.Method!, p.Amount!.Value)),
                now,
                origin);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Purchases.Add(purchase);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: PurchaseConfiguration.CouponIndex })
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return (await AnswerOfAsync(storeId, pos, coupon, hash, cancellationToken))!;
            }
            var earned = await earning.EarnAsync(purchase, cancellationToken);
            var json = JsonSerializer.Serialize(
                new Receipt(purchase.Id, purchase.PointsEarned, StatusName(purchase.PointsStatus), earned.Balance, earned.Discounts, earned.Gifts), Json);
            purchase.Answer(json);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Outcome(Kind.Created, json);
        }

        /// <summary>The coupon already recorded: the first answer for the same content, a conflict for another.</summary>
        private async Task<Outcome?> AnswerOfAsync(Guid storeId, string pos, string coupon, string hash, CancellationToken cancellationToken)
        {
            var earlier = await db.Purchases.AsNoTracking()
                .Where(p => p.StoreId == storeId && p.PosNumber == pos && p.CouponNumber == coupon)
                .Select(p => new { p.RequestHash, p.Response }).SingleOrDefaultAsync(cancellationToken);
            return earlier is null ? null
                : earlier.RequestHash == hash ? new Outcome(Kind.Replayed, earlier.Response)
                : new Outcome(Kind.Conflict, Problem: l["Purchase.CouponConflict"]);
        }

        /// <summary>A card number wins over a document when the same digits could be both (as in the POS lookup).</summary>
        private async Task<(Guid? CustomerId, string? CardNumber)> CustomerAsync(CustomerIdentifier identifier, CancellationToken cancellationToken)
        {
            if (identifier.CardNumber is { } number
                && await db.Cards.AsNoTracking().Where(k => k.Number == number).Select(k => (Guid?)k.CustomerId)
                    .SingleOrDefaultAsync(cancellationToken) is { } holder)
            {
                return (holder, number);
            }
            var document = identifier.Document;
            return document is null ? (null, null)
                : (await db.Customers.Where(c => c.Document == document).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken), null);
        }
    }
}
