using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Common;
using Loyalty.Domain.Points;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// A purchase from a POS (SPEC §5, §10): validated, recorded once per store + POS + coupon, earned and answered in one
/// transaction on one connection, in two round trips (<see cref="PurchaseStore"/>) with the tenant's rules from
/// <see cref="TenantRulesCache"/>. Two posts for one card queue on the account's row lock, so an identical second post
/// finds the first's coupon and answers its receipt; the unique index on the coupon decides between posts that did not
/// queue (another card): the second fails on it and answers what the first stored.
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
    /// <param name="Errors">Field errors: 400 with <see cref="Kind.Invalid"/>, 422 with <see cref="Kind.Unprocessable"/> (the platform's bounds).</param>
    /// <param name="ProblemField">The request field a refusal is about (<c>occurredAt</c>, <c>customer</c>), when it is about one.</param>
    public sealed record Outcome(Kind Kind, string? Json = null, IReadOnlyList<FieldError>? Errors = null, string? Problem = null,
        string? ProblemField = null);

    public static string StatusName(PointsStatus status) => status switch
    {
        PointsStatus.Credited => "credited",
        PointsStatus.PendingAudit => "pendingAudit",
        _ => "none",
    };

    public sealed class Handler(
        TenantContext tenant, NpgsqlDataSource dataSource, TenantRulesCache tenantRules, PurchaseEarning earning, TimeProvider clock,
        IStringLocalizer<SharedResource> l)
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
            if (PurchaseRequestRules.Bounds(request, l) is { Count: > 0 } beyond)
            {
                return new Outcome(Kind.Unprocessable, Errors: beyond);
            }
            // Before the purchase's connection opens: on a miss the snapshot is read through EF on a connection of its own.
            var rules = await tenantRules.GetAsync(tenant.RequiredTenantId, cancellationToken);
            await using var store = new PurchaseStore(dataSource, tenant);
            return await RecordAsync(storeId, request, origin, rules, store, cancellationToken);
        }

        private async Task<Outcome> RecordAsync(Guid storeId, PurchaseRequest request, PurchaseOrigin origin, EarningRules rules,
            PurchaseStore store, CancellationToken cancellationToken)
        {
            var hash = PurchaseRequestRules.Hash(request);
            var pos = request.PosNumber!.Trim();
            var coupon = request.CouponNumber!.Trim();
            var identifier = CustomerIdentifier.Parse(string.IsNullOrWhiteSpace(request.Customer!.CardNumber) ? request.Customer.Document : request.Customer.CardNumber)!;
            // A concession rates items by their products' departments: read them with the opening, not in a round trip of their own.
            IReadOnlyCollection<string>? codes = rules.Campaigns.HasConcessions ? [.. request.Items!.Select(i => i.ProductCode!.Trim()).Distinct()] : null;
            var opening = await store.OpenAsync(storeId, pos, coupon, identifier, codes, cancellationToken);
            if (opening.Earlier is { } earlier)
            {
                await store.RollbackAsync(cancellationToken);
                return AnswerOf(earlier, hash);
            }
            var now = clock.GetUtcNow();
            var occurredAt = request.OccurredAt!.Value;
            if (occurredAt < now - MaxAge || occurredAt > now + MaxAhead)
            {
                await store.RollbackAsync(cancellationToken);
                return new Outcome(Kind.Unprocessable, Problem: l["Purchase.OccurredAtOutOfWindow"], ProblemField: "occurredAt");
            }
            if (opening.Holder is not { } holder)
            {
                await store.RollbackAsync(cancellationToken);
                return new Outcome(Kind.Unprocessable, Problem: l["Purchase.CustomerNotFound"], ProblemField: "customer");
            }
            var purchase = Purchase.Record(
                new PurchaseHeader(storeId, pos, coupon, occurredAt, holder.CustomerId, holder.CardNumber, request.TotalAmount!.Value, hash),
                request.Items!.Select((i, n) => PurchaseItem.Of(n + 1, i.ProductCode!, i.Quantity!.Value, i.UnitPrice!.Value, i.TotalPrice!.Value)),
                request.Payments!.Select(p => PurchasePayment.Of(p.Method!, p.Amount!.Value)),
                now,
                origin);
            if (rules.Category(holder.CategoryId) is null)
            {
                // A category created on another server since this one read the tenant's rules.
                rules = await tenantRules.GetAsync(tenant.RequiredTenantId, holder.CategoryId, cancellationToken);
            }
            var account = PointsAccount.Restore(holder.AccountId, tenant.RequiredTenantId, holder.Balance);
            PurchaseEarning.Earned earned;
            try
            {
                earned = await earning.EarnAsync(purchase, rules, rules.Category(holder.CategoryId)!, account, store, cancellationToken);
            }
            catch (DomainException e) when (e.Code == PurchaseBounds.PointsAboveBoundCode)
            {
                // The tenant's rate, campaigns and multiplier made more points than any purchase may earn: nothing is kept.
                await store.RollbackAsync(cancellationToken);
                return new Outcome(Kind.Unprocessable, Problem: l["Purchase.PointsOverLimit", PurchaseBounds.MaxPoints]);
            }
            var json = JsonSerializer.Serialize(new Receipt(purchase.Id, purchase.PointsEarned, StatusName(purchase.PointsStatus),
                earned.Accrual?.Balance ?? holder.Balance, earned.Discounts, earned.Gifts), Json);
            purchase.Answer(json);
            try
            {
                await store.CommitAsync(purchase, earned.Accrual, earned.Vouchers, cancellationToken);
            }
            catch (PostgresException e) when (PurchaseStore.IsCouponTaken(e))
            {
                // Another transaction recorded the coupon after this one looked: answer what it stored.
                await store.RollbackAsync(cancellationToken);
                return AnswerOf((await store.EarlierAsync(storeId, pos, coupon, cancellationToken))!, hash);
            }
            return new Outcome(Kind.Created, json);
        }

        /// <summary>The coupon already recorded: the first answer for the same content, a conflict for another.</summary>
        private Outcome AnswerOf(PurchaseStore.Earlier earlier, string hash) =>
            earlier.RequestHash == hash ? new Outcome(Kind.Replayed, earlier.Response) : new Outcome(Kind.Conflict, Problem: l["Purchase.CouponConflict"]);
    }
}
