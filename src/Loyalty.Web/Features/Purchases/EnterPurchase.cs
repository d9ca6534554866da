using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Cards;
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
/// "Lançar compra": a purchase typed by hand (SPEC §5) for one of the user's stores. It goes through the POS's own use
/// case (<see cref="RecordPurchase"/>) with a typed input, so it is validated, deduplicated on store + POS + coupon and
/// earned exactly like a POS purchase; the rules name their errors by the form's fields (<see cref="PurchaseFields.Form"/>).
/// What the cashier leaves empty and the lines determine is computed (<see cref="Complete"/>); the date-time is typed
/// in the tenant's time zone.
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
        [LocalDecimal]
        public decimal? TotalAmount { get; set; }

        public List<ItemLine> Items { get; set; } = [];
        public List<PaymentLine> Payments { get; set; } = [];
    }

    public sealed class ItemLine
    {
        [Display(Name = "Purchases.ProductCode")]
        public string? ProductCode { get; set; }

        [Display(Name = "Purchases.Quantity")]
        [LocalDecimal]
        public decimal? Quantity { get; set; }

        [Display(Name = "Purchases.UnitPrice")]
        [LocalDecimal]
        public decimal? UnitPrice { get; set; }

        [Display(Name = "Purchases.ItemTotal")]
        [LocalDecimal]
        public decimal? TotalPrice { get; set; }
    }

    public sealed class PaymentLine
    {
        [Display(Name = "Purchases.PaymentMethod")]
        public string? Method { get; set; }

        [Display(Name = "Purchases.PaymentAmount")]
        [LocalDecimal]
        public decimal? Amount { get; set; }
    }

    public sealed record Form(Command Command, List<PurchaseList.Option> Stores, Summary? Saved = null);

    /// <param name="Replayed">The same coupon with the same content was already recorded (a second submit): nothing new.</param>
    public sealed record Saved(Guid PurchaseId, bool Replayed);

    /// <summary>What the cashier tells the customer after saving: whose purchase, the points and the new balance.</summary>
    /// <param name="NoEarningReason">Why the card or the customer earned nothing (SPEC §8), as the POS was answered.</param>
    public sealed record Summary(Guid PurchaseId, Guid CustomerId, string CustomerName, long PointsEarned, PointsStatus PointsStatus,
        long Balance, bool Replayed, NoEarningReason? NoEarningReason = null);

    /// <summary>
    /// Fills what the lines determine and the cashier left empty — an item's total (quantity × unit price, rounded to
    /// the cent as a POS does), the purchase total (the items' sum) and the last payment (what is left) — and returns the
    /// fields it filled. A value typed is never changed (the rules judge it), nor one that could not be read.
    /// </summary>
    /// <param name="unreadable">Whether the form field of that name held something that is not a number ("abc").</param>
    public static IReadOnlyList<(string Field, decimal Value)> Complete(Command command, Func<string, bool> unreadable)
    {
        var filled = new List<(string, decimal)>();
        var fields = PurchaseFields.Form;
        for (var i = 0; i < command.Items.Count; i++)
        {
            // Beyond the bounds the rules refuse the quantity or the price: no total is made up from them.
            if (command.Items[i] is { TotalPrice: null, Quantity: { } quantity, UnitPrice: { } price } item
                && PurchaseBounds.QuantityWithin(quantity) && PurchaseBounds.UnitPriceWithin(price) && quantity > 0 && price > 0
                && !unreadable(fields.ItemTotal(i)))
            {
                item.TotalPrice = decimal.Round(quantity * price, 2, MidpointRounding.AwayFromZero);
                filled.Add((fields.ItemTotal(i), item.TotalPrice.Value));
            }
        }
        if (command.TotalAmount is null && !unreadable(fields.TotalAmount) && command.Items.Count > 0 && command.Items.All(i => i.TotalPrice is not null))
        {
            command.TotalAmount = command.Items.Sum(i => i.TotalPrice!.Value);
            filled.Add((fields.TotalAmount, command.TotalAmount.Value));
        }
        if (command.TotalAmount is { } total && command.Payments is [.. var others, { Amount: null } last]
            && others.All(p => p.Amount is not null) && !unreadable(fields.Amount(others.Count))
            && total - others.Sum(p => p.Amount!.Value) is > 0 and var left)
        {
            last.Amount = left;
            filled.Add((fields.Amount(command.Payments.Count - 1), left));
        }
        return filled;
    }

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope, RecordPurchase.Handler record, TenantRulesCache tenantRules, TimeProvider clock,
        IStringLocalizer<SharedResource> l)
    {
        /// <summary>A blank coupon: one item, one payment, now in the tenant's zone, the store when the user has only one.</summary>
        public async Task<Form> BlankAsync(Saved? saved, CancellationToken cancellationToken)
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
            }, stores, saved is null ? null : await SummaryAsync(saved, cancellationToken));
        }

        public async Task<Form> RefillAsync(Command command, CancellationToken cancellationToken) =>
            new(command, await StoresAsync(cancellationToken));

        public async Task<CommandResult<Saved>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (await CheckAsync(command, cancellationToken) is { Count: > 0 } errors)
            {
                return CommandResult<Saved>.Failure(errors);
            }
            var input = await InputAsync(command, cancellationToken);
            var outcome = await record.HandleAsync(input, PurchaseFields.Form, cancellationToken);
            return outcome.Kind switch
            {
                RecordPurchase.Kind.Created => CommandResult<Saved>.Success(new Saved(outcome.Receipt!.PurchaseId, Replayed: false)),
                RecordPurchase.Kind.Replayed => CommandResult<Saved>.Success(new Saved(await RecordedIdAsync(input, cancellationToken), Replayed: true)),
                RecordPurchase.Kind.Invalid or RecordPurchase.Kind.Unprocessable when outcome.Errors is { } refused => CommandResult<Saved>.Failure(refused),
                _ => CommandResult<Saved>.Failure(outcome.ProblemField ?? string.Empty, outcome.Problem!),
            };
        }

        /// <summary>
        /// What can be judged before the use case runs, with every field's message in one round: the store among the
        /// user's, the date-time, and the purchase's own rules (the same the use case applies).
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
            var input = await InputAsync(command, cancellationToken);
            errors.AddRange(PurchaseRequestRules.Validate(input, PurchaseFields.Form, l).Where(e => e.Field != nameof(Command.OccurredAt)));
            return errors;
        }

        /// <summary>The after-save summary, for a purchase in one of the user's stores (the tenant's filter applies too).</summary>
        public async Task<Summary?> SummaryAsync(Saved saved, CancellationToken cancellationToken)
        {
            var visible = scope.Apply(db.Stores).Select(s => s.Id);
            var purchase = await db.Purchases.AsNoTracking().Where(p => p.Id == saved.PurchaseId && visible.Contains(p.StoreId))
                .Select(p => new { p.CustomerId, p.PointsEarned, p.PointsStatus, p.Response }).SingleOrDefaultAsync(cancellationToken);
            if (purchase is null)
            {
                return null;
            }
            var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == purchase.CustomerId, cancellationToken);
            // The balance of the account the purchase earned for (a dependent's purchases earn for the titular).
            var balance = await db.PointsAccounts.AsNoTracking().Where(a => a.Id == customer.AccountHolderId)
                .Select(a => (long?)a.Balance).SingleOrDefaultAsync(cancellationToken) ?? 0;
            return new Summary(saved.PurchaseId, customer.Id, customer.Name, purchase.PointsEarned, purchase.PointsStatus, balance, saved.Replayed,
                ReasonOf(purchase.Response));
        }

        /// <summary>The reason the stored answer gave the POS, so the screen says what the POS was told.</summary>
        private static NoEarningReason? ReasonOf(string? response)
        {
            if (response is null)
            {
                return null;
            }
            var receipt = System.Text.Json.JsonSerializer.Deserialize<RecordPurchase.Receipt>(response, RecordPurchase.Json);
            return Enum.GetValues<NoEarningReason>().Cast<NoEarningReason?>().FirstOrDefault(r => r!.Value.ApiName() == receipt?.Reason);
        }

        private async Task<RecordPurchase.Command> InputAsync(Command command, CancellationToken cancellationToken)
        {
            // What a cashier types is a card number or a CPF/CNPJ; the use case tries a card first, then a document.
            var customer = command.Customer?.Trim();
            var isCard = CustomerIdentifier.Parse(customer)?.CardNumber is not null;
            return new RecordPurchase.Command(
                command.StoreId ?? Guid.Empty,
                PurchaseOrigin.BackOffice,
                command.PosNumber,
                command.CouponNumber,
                command.OccurredAt is { } local ? Instant(local, await ZoneAsync(cancellationToken)) : null,
                isCard ? customer : null,
                isCard ? null : customer,
                command.TotalAmount,
                [.. command.Items.Select(i => new RecordPurchase.Item(i.ProductCode, i.Quantity, i.UnitPrice, i.TotalPrice))],
                [.. command.Payments.Select(p => new RecordPurchase.Payment(p.Method, p.Amount))]);
        }

        /// <summary>The purchase a replayed coupon names (the use case answers a replay with its stored receipt only).</summary>
        private Task<Guid> RecordedIdAsync(RecordPurchase.Command input, CancellationToken cancellationToken)
        {
            var pos = input.PosNumber!.Trim();
            var coupon = input.CouponNumber!.Trim();
            return db.Purchases.AsNoTracking().Where(p => p.StoreId == input.StoreId && p.PosNumber == pos && p.CouponNumber == coupon)
                .Select(p => p.Id).SingleAsync(cancellationToken);
        }

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
}
