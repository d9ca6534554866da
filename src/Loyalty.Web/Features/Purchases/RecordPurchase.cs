using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Cards;
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
    /// <param name="Reason">Why nothing was earned because of the card or the customer (SPEC §8): "cardNotActive",
    /// "cardBlocked", "cardCancelled" or "customerInactive"; null when the card and customer may earn.</param>
    public sealed record Receipt(
        Guid PurchaseId, long PointsEarned, string PointsStatus, long Balance, IReadOnlyList<DiscountGiven> Discounts,
        IReadOnlyList<PurchaseEarning.IssuedGift> GiftVouchers,
        string? Reason = null);

    /// <summary>
    /// The use case's typed input: what a POS sends (the API maps its request into it, <see cref="PurchaseRequest.ToCommand"/>)
    /// or what the back-office types. Nullable where a caller may leave a field out: the rules say so next to the field.
    /// </summary>
    public sealed record Command(
        Guid StoreId, PurchaseOrigin Origin, string? PosNumber, string? CouponNumber, DateTimeOffset? OccurredAt, string? CardNumber,
        string? Document, decimal? TotalAmount, IReadOnlyList<Item> Items, IReadOnlyList<Payment> Payments);

    public sealed record Item(string? ProductCode, decimal? Quantity, decimal? UnitPrice, decimal? TotalPrice);

    public sealed record Payment(string? Method, decimal? Amount);

    /// <summary><paramref name="Json"/> is the receipt exactly as first answered; <paramref name="Receipt"/> the same, typed,
    /// when this call created it.</summary>
    /// <param name="Errors">Field errors: 400 with <see cref="Kind.Invalid"/>, 422 with <see cref="Kind.Unprocessable"/> (the platform's bounds).</param>
    /// <param name="ProblemField">The field a refusal is about (the date-time, the customer, the coupon), when it is about one.</param>
    public sealed record Outcome(Kind Kind, string? Json = null, IReadOnlyList<FieldError>? Errors = null, string? Problem = null,
        string? ProblemField = null, Receipt? Receipt = null);

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
        /// <summary>A POS's request (and the demo's), its errors named as in the API.</summary>
        public Task<Outcome> HandleAsync(Guid storeId, PurchaseRequest request, CancellationToken cancellationToken) =>
            HandleAsync(request.ToCommand(storeId, PurchaseOrigin.Pos), PurchaseFields.Api, cancellationToken);

        /// <param name="fields">What the caller calls each field: errors come back under those names.</param>
        public async Task<Outcome> HandleAsync(Command command, PurchaseFields fields, CancellationToken cancellationToken)
        {
            if (PurchaseRequestRules.Validate(command, fields, l) is { Count: > 0 } errors)
            {
                return new Outcome(Kind.Invalid, Errors: errors);
            }
            if (PurchaseRequestRules.Bounds(command, fields, l) is { Count: > 0 } beyond)
            {
                return new Outcome(Kind.Unprocessable, Errors: beyond);
            }
            // Before the purchase's connection opens: on a miss the snapshot is read through EF on a connection of its own.
            var rules = await tenantRules.GetAsync(tenant.RequiredTenantId, cancellationToken);
            await using var store = new PurchaseStore(dataSource, tenant);
            return await RecordAsync(command, fields, rules, store, cancellationToken);
        }

        private async Task<Outcome> RecordAsync(Command command, PurchaseFields fields, EarningRules rules, PurchaseStore store,
            CancellationToken cancellationToken)
        {
            var storeId = command.StoreId;
            var hash = PurchaseRequestRules.Hash(command);
            var pos = command.PosNumber!.Trim();
            var coupon = command.CouponNumber!.Trim();
            var identifier = CustomerIdentifier.Parse(string.IsNullOrWhiteSpace(command.CardNumber) ? command.Document : command.CardNumber)!;
            // A concession rates items by their products' departments: read them with the opening, not in a round trip of their own.
            IReadOnlyCollection<string>? codes = rules.Campaigns.HasConcessions ? [.. command.Items.Select(i => i.ProductCode!.Trim()).Distinct()] : null;
            // Likewise the running totals the purchase could advance, whoever the customer turns out to be.
            var progressKeys = CampaignEarning.ProgressCandidates(rules.Campaigns, storeId,
                TimeZoneInfo.ConvertTime(command.OccurredAt!.Value, rules.Zone).DateTime);
            var opening = await store.OpenAsync(storeId, pos, coupon, identifier, codes, progressKeys, cancellationToken);
            if (opening.Earlier is { } earlier)
            {
                await store.RollbackAsync(cancellationToken);
                return AnswerOf(earlier, hash, fields);
            }
            var now = clock.GetUtcNow();
            var occurredAt = command.OccurredAt!.Value;
            if (occurredAt < now - MaxAge || occurredAt > now + MaxAhead)
            {
                await store.RollbackAsync(cancellationToken);
                return new Outcome(Kind.Unprocessable, Problem: l["Purchase.OccurredAtOutOfWindow"], ProblemField: fields.OccurredAt);
            }
            if (opening.Holder is not { } holder)
            {
                await store.RollbackAsync(cancellationToken);
                return new Outcome(Kind.Unprocessable, Problem: l["Purchase.CustomerNotFound"], ProblemField: fields.Customer);
            }
            var purchase = Purchase.Record(
                new PurchaseHeader(storeId, pos, coupon, occurredAt, holder.CustomerId, holder.CardNumber, command.TotalAmount!.Value, hash),
                command.Items.Select((i, n) => PurchaseItem.Of(n + 1, i.ProductCode!, i.Quantity!.Value, i.UnitPrice!.Value, i.TotalPrice!.Value)),
                command.Payments.Select(p => PurchasePayment.Of(p.Method!, p.Amount!.Value)),
                now,
                command.Origin);
            if (rules.Category(holder.CategoryId) is null)
            {
                // A category created on another server since this one read the tenant's rules.
                rules = await tenantRules.GetAsync(tenant.RequiredTenantId, holder.CategoryId, cancellationToken);
            }
            var account = PointsAccount.Restore(holder.AccountId, tenant.RequiredTenantId, holder.Balance);
            // Which cards earn (SPEC §8): the purchase is recorded either way; a card or customer that may not earn gets
            // no points, no discount, no gift voucher and no campaign progress.
            var refusal = CardEarning.Refusal(holder.CustomerStatus, holder.CardStatus, holder.CardExpiresOn,
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurredAt, rules.Zone).DateTime));
            PurchaseEarning.Earned earned;
            try
            {
                earned = refusal is null
                    ? await earning.EarnAsync(purchase, rules, rules.Category(holder.CategoryId)!, account, store, cancellationToken)
                    : PurchaseEarning.Earned.Nothing;
            }
            catch (DomainException e) when (e.Code == PurchaseBounds.PointsAboveBoundCode)
            {
                // The tenant's rate, campaigns and multiplier made more points than any purchase may earn: nothing is kept.
                await store.RollbackAsync(cancellationToken);
                return new Outcome(Kind.Unprocessable, Problem: l["Purchase.PointsOverLimit", PurchaseBounds.MaxPoints]);
            }
            var receipt = new Receipt(purchase.Id, purchase.PointsEarned, StatusName(purchase.PointsStatus),
                earned.Accrual?.Balance ?? holder.Balance, earned.Discounts, earned.Gifts, refusal?.ApiName());
            var json = JsonSerializer.Serialize(receipt, Json);
            purchase.Answer(json);
            try
            {
                await store.CommitAsync(purchase, holder.AccountId, earned.Accrual, earned.Vouchers, earned.Progress, cancellationToken);
            }
            catch (PostgresException e) when (PurchaseStore.IsCouponTaken(e))
            {
                // Another transaction recorded the coupon after this one looked: answer what it stored.
                await store.RollbackAsync(cancellationToken);
                return AnswerOf((await store.EarlierAsync(storeId, pos, coupon, cancellationToken))!, hash, fields);
            }
            return new Outcome(Kind.Created, json, Receipt: receipt);
        }

        /// <summary>The coupon already recorded: the first answer for the same content, a conflict for another.</summary>
        private Outcome AnswerOf(PurchaseStore.Earlier earlier, string hash, PurchaseFields fields) =>
            earlier.RequestHash == hash
                ? new Outcome(Kind.Replayed, earlier.Response)
                : new Outcome(Kind.Conflict, Problem: l["Purchase.CouponConflict"], ProblemField: fields.CouponNumber);
    }
}
