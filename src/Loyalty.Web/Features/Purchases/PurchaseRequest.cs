using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Customers.Lookup;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Purchases;

/// <summary>POST /api/v1/purchases (SPEC §10). Property names are the contract: validation errors are keyed by them.</summary>
public sealed class PurchaseRequest
{
    public string? PosNumber { get; set; }
    public string? CouponNumber { get; set; }

    [Description("ISO-8601 with offset; at most 7 days in the past and 5 minutes in the future.")]
    public DateTimeOffset? OccurredAt { get; set; }

    public PurchaseCustomer? Customer { get; set; }
    public decimal? TotalAmount { get; set; }
    public List<PurchaseRequestItem>? Items { get; set; }
    public List<PurchaseRequestPayment>? Payments { get; set; }

    /// <summary>The use case's input: what the API adapter hands to <see cref="RecordPurchase.Handler"/>.</summary>
    public RecordPurchase.Command ToCommand(Guid storeId, PurchaseOrigin origin) => new(
        storeId, origin, PosNumber, CouponNumber, OccurredAt, Customer?.CardNumber, Customer?.Document, TotalAmount,
        Items is null ? [] : Items.ConvertAll(i => new RecordPurchase.Item(i?.ProductCode, i?.Quantity, i?.UnitPrice, i?.TotalPrice)),
        Payments is null ? [] : Payments.ConvertAll(p => new RecordPurchase.Payment(p?.Method, p?.Amount)));
}

public sealed class PurchaseCustomer
{
    [Description("The card read by the POS; wins over the document when both are sent.")]
    public string? CardNumber { get; set; }

    [Description("CPF or CNPJ, punctuation optional.")]
    public string? Document { get; set; }
}

public sealed class PurchaseRequestItem
{
    [Description("Kept as sent, known to the catalogue or not.")]
    public string? ProductCode { get; set; }

    public decimal? Quantity { get; set; }

    [Description("Up to three decimals (fuel).")]
    public decimal? UnitPrice { get; set; }

    [Description("What counts; may differ from quantity × unitPrice by at most 0.01.")]
    public decimal? TotalPrice { get; set; }
}

public sealed class PurchaseRequestPayment
{
    public string? Method { get; set; }
    public decimal? Amount { get; set; }
}

/// <summary>
/// The purchase's own rules (400): everything that can be judged without the database, on the use case's typed input
/// (<see cref="RecordPurchase.Command"/>), with errors named by the caller's <see cref="PurchaseFields"/>.
/// </summary>
public static class PurchaseRequestRules
{
    // What a number field can hold at all (numeric(12,3) and (12,2) columns, and quantity × price without overflow);
    // the platform's bounds on what a purchase may be are far lower (Bounds, 422).
    private const decimal MaxValue = 999_999_999m;

    public static IReadOnlyList<FieldError> Validate(PurchaseRequest r, IStringLocalizer<SharedResource> l) =>
        Validate(r.ToCommand(Guid.Empty, PurchaseOrigin.Pos), PurchaseFields.Api, l);

    public static IReadOnlyList<FieldError> Bounds(PurchaseRequest r, IStringLocalizer<SharedResource> l) =>
        Bounds(r.ToCommand(Guid.Empty, PurchaseOrigin.Pos), PurchaseFields.Api, l);

    public static string Hash(PurchaseRequest r) => Hash(r.ToCommand(Guid.Empty, PurchaseOrigin.Pos));

    public static IReadOnlyList<FieldError> Validate(RecordPurchase.Command c, PurchaseFields fields, IStringLocalizer<SharedResource> l)
    {
        var errors = new List<FieldError>();
        void Add(string field, string key) => errors.Add(new FieldError(field, l[key]));
        Text(c.PosNumber, Purchase.PosNumberMaxLength, fields.PosNumber, errors, l);
        Text(c.CouponNumber, Purchase.CouponNumberMaxLength, fields.CouponNumber, errors, l);
        if (c.OccurredAt is null)
        {
            Add(fields.OccurredAt, "Validation.Required");
        }
        if (string.IsNullOrWhiteSpace(c.CardNumber) && string.IsNullOrWhiteSpace(c.Document))
        {
            Add(fields.Customer, "Purchase.CustomerRequired");
        }
        else if (!string.IsNullOrWhiteSpace(c.CardNumber) && CustomerIdentifier.Parse(c.CardNumber)?.CardNumber is null)
        {
            Add(fields.CardNumber, "Validation.InvalidValueShort");
        }
        else if (string.IsNullOrWhiteSpace(c.CardNumber) && CustomerIdentifier.Parse(c.Document)?.Document is null)
        {
            Add(fields.Document, "Validation.InvalidValueShort");
        }
        Money(c.TotalAmount, fields.TotalAmount, errors, l);
        var items = c.Items;
        if (items.Count == 0)
        {
            Add(fields.Items, "Purchase.ItemsRequired");
        }
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            Text(item.ProductCode, PurchaseItem.ProductCodeMaxLength, fields.ProductCode(i), errors, l);
            var quantityOk = Positive(item.Quantity, 3, fields.Quantity(i), errors, l);
            var priceOk = Positive(item.UnitPrice, 3, fields.UnitPrice(i), errors, l);
            if (Money(item.TotalPrice, fields.ItemTotal(i), errors, l) && quantityOk && priceOk
                && !PurchaseItem.TotalMatches(item.Quantity!.Value, item.UnitPrice!.Value, item.TotalPrice!.Value))
            {
                Add(fields.ItemTotal(i), "Purchase.ItemTotalMismatch");
            }
        }
        var payments = c.Payments;
        if (payments.Count == 0)
        {
            Add(fields.Payments, "Purchase.PaymentsRequired");
        }
        for (var i = 0; i < payments.Count; i++)
        {
            Text(payments[i].Method, PurchasePayment.MethodMaxLength, fields.Method(i), errors, l);
            Money(payments[i].Amount, fields.Amount(i), errors, l);
        }
        // The sums are judged only when every line is right: a wrong item total is that item's error, not the total's too.
        if (errors.Count == 0)
        {
            if (items.Sum(i => i.TotalPrice!.Value) != c.TotalAmount)
            {
                Add(fields.TotalAmount, "Purchase.TotalNotSumOfItems");
            }
            if (payments.Sum(p => p.Amount!.Value) != c.TotalAmount)
            {
                Add(fields.PaymentsSum(payments.Count), "Purchase.PaymentsNotTotal");
            }
        }
        return errors;
    }

    /// <summary>
    /// The platform's sanity bounds (<see cref="PurchaseBounds"/>), judged on an input that passed <see cref="Validate(RecordPurchase.Command, PurchaseFields, IStringLocalizer{SharedResource})"/>:
    /// a well-formed purchase no tenant setting may accept, so 422 rather than 400.
    /// </summary>
    public static IReadOnlyList<FieldError> Bounds(RecordPurchase.Command c, PurchaseFields fields, IStringLocalizer<SharedResource> l)
    {
        var errors = new List<FieldError>();
        // Field names are made only for a value out of bounds: this runs for every POS purchase.
        void Amount(decimal value, int index, Func<int, string> field)
        {
            if (!PurchaseBounds.AmountWithin(value))
            {
                errors.Add(new FieldError(field(index), l["Purchase.AmountOverLimit", PurchaseBounds.MaxTotal]));
            }
        }
        Amount(c.TotalAmount!.Value, 0, _ => fields.TotalAmount);
        for (var i = 0; i < c.Items.Count; i++)
        {
            var item = c.Items[i];
            if (!PurchaseBounds.QuantityWithin(item.Quantity!.Value))
            {
                errors.Add(new FieldError(fields.Quantity(i), l["Purchase.QuantityOverLimit", PurchaseBounds.MaxQuantity]));
            }
            if (!PurchaseBounds.UnitPriceWithin(item.UnitPrice!.Value))
            {
                errors.Add(new FieldError(fields.UnitPrice(i), l["Purchase.UnitPriceOverLimit", PurchaseBounds.MaxUnitPrice]));
            }
            Amount(item.TotalPrice!.Value, i, fields.ItemTotal);
        }
        for (var i = 0; i < c.Payments.Count; i++)
        {
            Amount(c.Payments[i].Amount!.Value, i, fields.Amount);
        }
        return errors;
    }

    /// <summary>A hash of the purchase's meaning (not its bytes): the same purchase sent with other spacing, property
    /// order, punctuation of the document or trailing zeros is the same request. Stored with each purchase: changing
    /// what goes in turns every earlier replay into a conflict.</summary>
    public static string Hash(RecordPurchase.Command c)
    {
        var text = new StringBuilder()
            .Append(c.PosNumber!.Trim()).Append('|').Append(c.CouponNumber!.Trim()).Append('|')
            .Append(c.OccurredAt!.Value.UtcTicks).Append('|')
            .Append(CustomerIdentifier.Parse(c.CardNumber)?.CardNumber).Append('|')
            .Append(CustomerIdentifier.Parse(c.Document)?.Document).Append('|')
            .Append(Number(c.TotalAmount!.Value));
        foreach (var item in c.Items)
        {
            text.Append("|i:").Append(item.ProductCode!.Trim()).Append(';').Append(Number(item.Quantity!.Value))
                .Append(';').Append(Number(item.UnitPrice!.Value)).Append(';').Append(Number(item.TotalPrice!.Value));
        }
        foreach (var payment in c.Payments)
        {
            text.Append("|p:").Append(payment.Method!.Trim()).Append(';').Append(Number(payment.Amount!.Value));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static void Text(string? value, int maxLength, string field, List<FieldError> errors, IStringLocalizer<SharedResource> l)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, l["Validation.Required"]));
        }
        else if (value.Trim().Length > maxLength)
        {
            errors.Add(new FieldError(field, l["Validation.TooLong", maxLength]));
        }
    }

    private static bool Money(decimal? value, string field, List<FieldError> errors, IStringLocalizer<SharedResource> l) =>
        Positive(value, 2, field, errors, l);

    private static bool Positive(decimal? value, int decimals, string field, List<FieldError> errors, IStringLocalizer<SharedResource> l)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, l["Validation.Required"]));
            return false;
        }
        if (value <= 0 || value > MaxValue || decimal.Round(value.Value, decimals) != value)
        {
            errors.Add(new FieldError(field, l[decimals == 2 ? "Purchase.AmountInvalid" : "Purchase.QuantityInvalid"]));
            return false;
        }
        return true;
    }
}
