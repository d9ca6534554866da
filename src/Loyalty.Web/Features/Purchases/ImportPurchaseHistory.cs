using System.Text.Json;
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
/// A legacy system's purchase history (SPEC §10 POST /api/v1/purchase-history): past purchases that count in the
/// customer's figures, RFV and reports but earn no points (no ledger entry). All or nothing on validity: one invalid
/// entry (its fields, an unknown store or customer, a time in the future) refuses the whole call with every error,
/// keyed <c>purchases[i].field</c>, and nothing is saved. Otherwise every new purchase is saved in one transaction,
/// and each entry is answered: created, replayed (the same content already recorded under that store + POS + coupon,
/// by this endpoint or the POS) or conflict (other content under that key: left as it was).
/// </summary>
public static class ImportPurchaseHistory
{
    public const int MaxPurchases = 1_000;

    public sealed record EntryResult(int Index, string Status, Guid? PurchaseId);

    public sealed record Result(int Created, int Replayed, int Conflicts, IReadOnlyList<EntryResult> Entries);

    /// <param name="BeyondBounds">The entries are well formed but some break the platform's bounds (<see cref="PurchaseBounds"/>): 422, not 400.</param>
    public sealed record Outcome(Result? Result, IReadOnlyList<FieldError> Errors, bool BeyondBounds = false);

    private sealed record Resolved(int Index, PurchaseRequest Request, Guid StoreId, string Pos, string Coupon, Guid CustomerId,
        string? CardNumber, string Hash);

    private sealed record Earlier(Guid Id, string Hash);

    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<Outcome> HandleAsync(PurchaseHistoryRequest request, CancellationToken cancellationToken)
        {
            var entries = request.Purchases ?? [];
            if (entries.Count is 0 or > MaxPurchases)
            {
                return new Outcome(null, [new FieldError("purchases",
                    entries.Count == 0 ? l["Validation.Required"] : l["PurchaseHistory.TooMany", MaxPurchases])]);
            }
            // One connection for the call: the tenant is set on it once, the look-ups and the transaction share it.
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                var (resolved, errors, beyond) = await ResolveAsync(entries, cancellationToken);
                if (errors.Count > 0 || beyond.Count > 0)
                {
                    return errors.Count > 0 ? new Outcome(null, errors) : new Outcome(null, beyond, BeyondBounds: true);
                }
                try
                {
                    return new Outcome(await SaveAsync(resolved, cancellationToken), []);
                }
                catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: PurchaseConfiguration.CouponIndex })
                {
                    // Another call (or the POS) recorded one of these coupons meanwhile: read again, it is now a replay or a conflict.
                    db.ChangeTracker.Clear();
                    return new Outcome(await SaveAsync(resolved, cancellationToken), []);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task<(List<Resolved> Resolved, List<FieldError> Errors, List<FieldError> Beyond)> ResolveAsync(List<PurchaseHistoryEntry> entries,
            CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var identifiers = entries.Select(e => e?.Customer is { } c
                ? CustomerIdentifier.Parse(string.IsNullOrWhiteSpace(c.CardNumber) ? c.Document : c.CardNumber) : null).ToList();
            var codes = entries.Select(e => e?.StoreCode?.Trim().ToUpperInvariant()).OfType<string>().Distinct().ToList();
            var cards = identifiers.Select(i => i?.CardNumber).OfType<string>().Distinct().ToList();
            var documents = identifiers.Select(i => i?.Document).OfType<string>().Distinct().ToList();
            // Closed stores included: their past purchases are history too.
            var stores = await db.Stores.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Id, cancellationToken);
            var holders = await db.Cards.Where(k => cards.Contains(k.Number)).ToDictionaryAsync(k => k.Number, k => k.CustomerId, cancellationToken);
            var owners = await db.Customers.Where(c => documents.Contains(c.Document)).ToDictionaryAsync(c => c.Document, c => c.Id, cancellationToken);

            var resolved = new List<Resolved>(entries.Count);
            var errors = new List<FieldError>();
            var beyond = new List<FieldError>();
            for (var i = 0; i < entries.Count; i++)
            {
                var at = $"purchases[{i}]";
                if (entries[i] is not { } entry)
                {
                    errors.Add(new FieldError(at, l["Validation.Required"]));
                    continue;
                }
                var request = entry.ToPurchaseRequest();
                var own = PurchaseRequestRules.Validate(request, l).Select(e => e with { Field = $"{at}.{e.Field}" }).ToList();
                if (own.Count == 0)
                {
                    beyond.AddRange(PurchaseRequestRules.Bounds(request, l).Select(e => e with { Field = $"{at}.{e.Field}" }));
                }
                Guid? storeId = null;
                if (string.IsNullOrWhiteSpace(entry.StoreCode))
                {
                    own.Add(new FieldError($"{at}.storeCode", l["Validation.Required"]));
                }
                else if (stores.TryGetValue(entry.StoreCode.Trim().ToUpperInvariant(), out var id))
                {
                    storeId = id;
                }
                else
                {
                    own.Add(new FieldError($"{at}.storeCode", l["PurchaseHistory.StoreUnknown"]));
                }
                // No 7-day window as for the POS (these are past purchases), but never one that has not happened yet.
                if (entry.OccurredAt > now + RecordPurchase.MaxAhead)
                {
                    own.Add(new FieldError($"{at}.occurredAt", l["PurchaseHistory.OccurredAtFuture"]));
                }
                var identifier = identifiers[i];
                // A card number wins over a document when the same digits could be both (as at the POS).
                (Guid? customerId, string? card) = identifier?.CardNumber is { } number && holders.TryGetValue(number, out var holder)
                    ? (holder, number)
                    : identifier?.Document is { } document && owners.TryGetValue(document, out var owner) ? (owner, null) : ((Guid?)null, (string?)null);
                if (customerId is null && identifier is not null && !own.Exists(e => e.Field.StartsWith($"{at}.customer", StringComparison.Ordinal)))
                {
                    own.Add(new FieldError($"{at}.customer", l["Purchase.CustomerNotFound"]));
                }
                if (own.Count > 0)
                {
                    errors.AddRange(own);
                    continue;
                }
                resolved.Add(new Resolved(i, request, storeId!.Value, request.PosNumber!.Trim(), request.CouponNumber!.Trim(),
                    customerId!.Value, card, PurchaseRequestRules.Hash(request)));
            }
            return (resolved, errors, beyond);
        }

        private async Task<Result> SaveAsync(List<Resolved> resolved, CancellationToken cancellationToken)
        {
            var known = await EarlierAsync(resolved, cancellationToken);
            var now = clock.GetUtcNow();
            var results = new List<EntryResult>(resolved.Count);
            var created = new List<Purchase>();
            foreach (var r in resolved)
            {
                var key = (r.StoreId, r.Pos, r.Coupon);
                // The same coupon twice in one call is judged like a repeated call: the second is a replay or a conflict.
                if (known.TryGetValue(key, out var earlier))
                {
                    results.Add(earlier.Hash == r.Hash ? new EntryResult(r.Index, "replayed", earlier.Id) : new EntryResult(r.Index, "conflict", null));
                    continue;
                }
                var request = r.Request;
                var purchase = Purchase.Record(
                    new PurchaseHeader(r.StoreId, r.Pos, r.Coupon, request.OccurredAt!.Value, r.CustomerId, r.CardNumber, request.TotalAmount!.Value, r.Hash),
                    request.Items!.Select((item, n) => PurchaseItem.Of(n + 1, item.ProductCode!, item.Quantity!.Value, item.UnitPrice!.Value, item.TotalPrice!.Value)),
                    request.Payments!.Select(p => PurchasePayment.Of(p.Method!, p.Amount!.Value)),
                    now,
                    PurchaseOrigin.History);
                known[key] = new Earlier(purchase.Id, r.Hash);
                created.Add(purchase);
                results.Add(new EntryResult(r.Index, "created", purchase.Id));
            }
            if (created.Count > 0)
            {
                await AnswerAsync(created, cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Purchases.AddRange(created);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            return new Result(created.Count, results.Count(r => r.Status == "replayed"), results.Count(r => r.Status == "conflict"), results);
        }

        /// <summary>The coupons of this call already recorded, read in one query.</summary>
        private async Task<Dictionary<(Guid, string, string), Earlier>> EarlierAsync(List<Resolved> resolved, CancellationToken cancellationToken)
        {
            var storeIds = resolved.Select(r => r.StoreId).Distinct().ToList();
            var coupons = resolved.Select(r => r.Coupon).Distinct().ToList();
            var rows = await db.Purchases.AsNoTracking().Where(p => storeIds.Contains(p.StoreId) && coupons.Contains(p.CouponNumber))
                .Select(p => new { p.Id, p.StoreId, p.PosNumber, p.CouponNumber, p.RequestHash }).ToListAsync(cancellationToken);
            return rows.ToDictionary(p => (p.StoreId, p.PosNumber, p.CouponNumber), p => new Earlier(p.Id, p.RequestHash));
        }

        /// <summary>
        /// Stores the receipt the POS endpoint would answer should a POS send the same coupon again (it replays the stored
        /// one): no points, status "none", the account's balance now.
        /// </summary>
        private async Task AnswerAsync(List<Purchase> created, CancellationToken cancellationToken)
        {
            var customerIds = created.Select(p => p.CustomerId).Distinct().ToList();
            var accounts = await db.Customers.Where(c => customerIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.AccountHolderId, cancellationToken);
            var accountIds = accounts.Values.Distinct().ToList();
            var balances = await db.PointsAccounts.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Balance, cancellationToken);
            foreach (var purchase in created)
            {
                var balance = balances.GetValueOrDefault(accounts[purchase.CustomerId]);
                purchase.Answer(JsonSerializer.Serialize(new RecordPurchase.Receipt(purchase.Id, 0, RecordPurchase.StatusName(PointsStatus.None),
                    balance, [], []), RecordPurchase.Json));
            }
        }
    }
}
