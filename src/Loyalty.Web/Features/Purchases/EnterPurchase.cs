using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// "Lançar compra": a purchase typed by hand (SPEC §5) for one of the user's stores. It goes through the POS's own
/// handler (<see cref="RecordPurchase"/>), so it is validated, deduplicated on store + POS + coupon and earned exactly
/// like a POS purchase; the handler's errors, keyed by the API's field names, land next to the form's fields.
/// The date-time is typed in the tenant's time zone.
/// </summary>
public static class EnterPurchase
{
    public sealed class Command
    {
        [Display(Name = "Purchases.Store")]
        public Guid? StoreId { get; set; }

        [Display(Name = "Purchases.PosNumber")]
        public string? PosNumber { get; set; }

        [Display(Name = "Purchases.CouponNumber")]
        public string? CouponNumber { get; set; }

        [Display(Name = "Purchases.OccurredAt")]
        public DateTime? OccurredAt { get; set; }

        [Display(Name = "Purchases.CustomerIdentifier")]
        public string? Customer { get; set; }

        [Display(Name = "Purchases.TotalAmount")]
        public decimal? TotalAmount { get; set; }

        public List<ItemLine> Items { get; set; } = [];
        public List<PaymentLine> Payments { get; set; } = [];
    }

    public sealed class ItemLine
    {
        [Display(Name = "Purchases.ProductCode")]
        public string? ProductCode { get; set; }

        [Display(Name = "Purchases.Quantity")]
        public decimal? Quantity { get; set; }

        [Display(Name = "Purchases.UnitPrice")]
        public decimal? UnitPrice { get; set; }

        [Display(Name = "Purchases.ItemTotal")]
        public decimal? TotalPrice { get; set; }
    }

    public sealed class PaymentLine
    {
        [Display(Name = "Purchases.PaymentMethod")]
        public string? Method { get; set; }

        [Display(Name = "Purchases.PaymentAmount")]
        public decimal? Amount { get; set; }
    }

    public sealed record Form(Command Command, List<PurchaseList.Option> Stores);

    /// <param name="Replayed">The same coupon with the same content was already recorded (a second submit): nothing new.</param>
    public sealed record Saved(Guid PurchaseId, long PointsEarned, PointsStatus PointsStatus, bool Replayed);

    private sealed record Receipt(Guid PurchaseId, long PointsEarned, string PointsStatus);

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope, RecordPurchase.Handler record, TenantRulesCache tenantRules, TimeProvider clock,
        IStringLocalizer<SharedResource> l)
    {
        /// <summary>A blank coupon: one item, one payment, now in the tenant's zone, the store when the user has only one.</summary>
        public async Task<Form> BlankAsync(CancellationToken cancellationToken)
        {
            var stores = await StoresAsync(cancellationToken);
            var zone = await ZoneAsync(cancellationToken);
            var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime;
            return new Form(new Command
            {
                StoreId = stores.Count == 1 ? stores[0].Id : null,
                OccurredAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified),
                Items = [new ItemLine { Quantity = 1 }],
                Payments = [new PaymentLine()],
            }, stores);
        }

        public async Task<Form> RefillAsync(Command command, CancellationToken cancellationToken) =>
            new(command, await StoresAsync(cancellationToken));

        public async Task<CommandResult<Saved>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (await CheckAsync(command, cancellationToken) is { Count: > 0 } errors)
            {
                return CommandResult<Saved>.Failure(errors);
            }
            var outcome = await record.HandleAsync(command.StoreId!.Value, await RequestAsync(command, cancellationToken), PurchaseOrigin.BackOffice,
                cancellationToken);
            return outcome.Kind switch
            {
                RecordPurchase.Kind.Created or RecordPurchase.Kind.Replayed => CommandResult<Saved>.Success(Saved(outcome)),
                RecordPurchase.Kind.Invalid or RecordPurchase.Kind.Unprocessable when outcome.Errors is { } refused =>
                    CommandResult<Saved>.Failure([.. refused.Select(ToFormField)]),
                RecordPurchase.Kind.Conflict => CommandResult<Saved>.Failure(nameof(Command.CouponNumber), outcome.Problem!),
                _ => CommandResult<Saved>.Failure(FieldOf(outcome.ProblemField), outcome.Problem!),
            };
        }

        /// <summary>
        /// What can be judged before the POS handler runs, with every field's message in one round: the store among the
        /// user's, the date-time, and the request's own rules (the same the handler applies).
        /// </summary>
        public async Task<List<FieldError>> CheckAsync(Command command, CancellationToken cancellationToken)
        {
            var errors = new List<FieldError>();
            var stores = await StoresAsync(cancellationToken);
            if (command.StoreId is not { } storeId || stores.All(s => s.Id != storeId))
            {
                errors.Add(new FieldError(nameof(Command.StoreId), l["Validation.Required"]));
            }
            if (command.OccurredAt is null)
            {
                errors.Add(new FieldError(nameof(Command.OccurredAt), l["Validation.Required"]));
            }
            var request = await RequestAsync(command, cancellationToken);
            errors.AddRange(PurchaseRequestRules.Validate(request, l).Where(e => e.Field != "occurredAt").Select(ToFormField));
            return errors;
        }

        private async Task<PurchaseRequest> RequestAsync(Command command, CancellationToken cancellationToken)
        {
            // What a cashier types is a card number or a CPF/CNPJ; the handler tries a card first, then a document.
            var customer = command.Customer?.Trim();
            var isCard = CustomerIdentifier.Parse(customer)?.CardNumber is not null;
            return new PurchaseRequest
            {
                PosNumber = command.PosNumber,
                CouponNumber = command.CouponNumber,
                OccurredAt = command.OccurredAt is { } local ? Instant(local, await ZoneAsync(cancellationToken)) : null,
                Customer = new PurchaseCustomer { CardNumber = isCard ? customer : null, Document = isCard ? null : customer },
                TotalAmount = command.TotalAmount,
                Items = [.. command.Items.Select(i => new PurchaseRequestItem
                    { ProductCode = i.ProductCode, Quantity = i.Quantity, UnitPrice = i.UnitPrice, TotalPrice = i.TotalPrice })],
                Payments = [.. command.Payments.Select(p => new PurchaseRequestPayment { Method = p.Method, Amount = p.Amount })],
            };
        }

        private static Saved Saved(RecordPurchase.Outcome outcome)
        {
            var receipt = JsonSerializer.Deserialize<Receipt>(outcome.Json!, RecordPurchase.Json)!;
            // "credited", "pendingAudit", "none": the API's names of the statuses.
            return new Saved(receipt.PurchaseId, receipt.PointsEarned, Enum.Parse<PointsStatus>(receipt.PointsStatus, ignoreCase: true),
                outcome.Kind == RecordPurchase.Kind.Replayed);
        }

        /// <summary>The form field of a refusal the handler names by the request's field.</summary>
        private static string FieldOf(string? problemField) => problemField switch
        {
            "occurredAt" => nameof(Command.OccurredAt),
            "customer" => nameof(Command.Customer),
            _ => string.Empty,
        };

        private Task<List<PurchaseList.Option>> StoresAsync(CancellationToken cancellationToken) =>
            scope.Apply(db.Stores.AsNoTracking()).Where(s => s.IsActive).OrderBy(s => s.Code)
                .Select(s => new PurchaseList.Option(s.Id, s.Code + " — " + s.Name)).ToListAsync(cancellationToken);

        private async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken) =>
            (await tenantRules.GetAsync(db.Tenant.RequiredTenantId, cancellationToken)).Zone;

        private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
        {
            // A time that a DST change skips (the clock jumps an hour forward) is read an hour later.
            var valid = zone.IsInvalidTime(local) ? local.AddHours(1) : local;
            return new DateTimeOffset(valid, zone.GetUtcOffset(valid));
        }
    }

    /// <summary>"items[0].totalPrice" → "Items[0].TotalPrice"; "customer.cardNumber" → "Customer"; "payments" → "Payments".</summary>
    public static FieldError ToFormField(FieldError error)
    {
        var field = error.Field.StartsWith("customer", StringComparison.Ordinal) ? nameof(Command.Customer)
            : string.Join('.', error.Field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
        return error with { Field = field };
    }
}
