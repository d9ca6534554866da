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

/// <summary>The request's own rules (400): everything that can be judged without the database.</summary>
public static class PurchaseRequestRules
{
    // What a number field can hold at all (numeric(12,3) and (12,2) columns, and quantity × price without overflow);
    // the platform's bounds on what a purchase may be are far lower (Bounds, 422).
    private const decimal MaxValue = 999_999_999m;

    public static IReadOnlyList<FieldError> Validate(PurchaseRequest r, IStringLocalizer<SharedResource> l)
    {
        var errors = new List<FieldError>();
        void Add(string field, string key) => errors.Add(new FieldError(field, l[key]));
        Text(r.PosNumber, Purchase.PosNumberMaxLength, "posNumber", errors, l);
        Text(r.CouponNumber, Purchase.CouponNumberMaxLength, "couponNumber", errors, l);
        if (r.OccurredAt is null)
        {
            Add("occurredAt", "Validation.Required");
        }
        var card = r.Customer?.CardNumber;
        var document = r.Customer?.Document;
        if (string.IsNullOrWhiteSpace(card) && string.IsNullOrWhiteSpace(document))
        {
            Add("customer", "Purchase.CustomerRequired");
        }
        else if (!string.IsNullOrWhiteSpace(card) && CustomerIdentifier.Parse(card)?.CardNumber is null)
        {
            Add("customer.cardNumber", "Validation.InvalidValueShort");
        }
        else if (string.IsNullOrWhiteSpace(card) && CustomerIdentifier.Parse(document)?.Document is null)
        {
            Add("customer.document", "Validation.InvalidValueShort");
        }
        Money(r.TotalAmount, "totalAmount", errors, l);
        var items = r.Items ?? [];
        if (items.Count == 0)
        {
            Add("items", "Purchase.ItemsRequired");
        }
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"items[{i}].";
            Text(item.ProductCode, PurchaseItem.ProductCodeMaxLength, at + "productCode", errors, l);
            var quantityOk = Positive(item.Quantity, 3, at + "quantity", errors, l);
            var priceOk = Positive(item.UnitPrice, 3, at + "unitPrice", errors, l);
            if (Money(item.TotalPrice, at + "totalPrice", errors, l) && quantityOk && priceOk
                && !PurchaseItem.TotalMatches(item.Quantity!.Value, item.UnitPrice!.Value, item.TotalPrice!.Value))
            {
                Add(at + "totalPrice", "Purchase.ItemTotalMismatch");
            }
        }
        var payments = r.Payments ?? [];
        if (payments.Count == 0)
        {
            Add("payments", "Purchase.PaymentsRequired");
        }
        for (var i = 0; i < payments.Count; i++)
        {
            Text(payments[i].Method, PurchasePayment.MethodMaxLength, $"payments[{i}].method", errors, l);
            Money(payments[i].Amount, $"payments[{i}].amount", errors, l);
        }
        if (errors.Count == 0)
        {
            if (items.Sum(i => i.TotalPrice!.Value) != r.TotalAmount)
            {
                Add("totalAmount", "Purchase.TotalNotSumOfItems");
            }
            if (payments.Sum(p => p.Amount!.Value) != r.TotalAmount)
            {
                Add("payments", "Purchase.PaymentsNotTotal");
            }
        }
        return errors;
    }

    /// <summary>
    /// The platform's sanity bounds (<see cref="PurchaseBounds"/>), judged on a request that passed <see cref="Validate"/>:
    /// a well-formed purchase no tenant setting may accept, so 422 rather than 400. Keyed like the request's fields.
    /// </summary>
    public static IReadOnlyList<FieldError> Bounds(PurchaseRequest r, IStringLocalizer<SharedResource> l)
    {
        var errors = new List<FieldError>();
        void Amount(decimal value, string field)
        {
            if (!PurchaseBounds.AmountWithin(value))
            {
                errors.Add(new FieldError(field, l["Purchase.AmountOverLimit", PurchaseBounds.MaxTotal]));
            }
        }
        Amount(r.TotalAmount!.Value, "totalAmount");
        for (var i = 0; i < r.Items!.Count; i++)
        {
            var item = r.Items[i];
            if (!PurchaseBounds.QuantityWithin(item.Quantity!.Value))
            {
                errors.Add(new FieldError($"items[{i}].quantity", l["Purchase.QuantityOverLimit", PurchaseBounds.MaxQuantity]));
            }
            if (!PurchaseBounds.UnitPriceWithin(item.UnitPrice!.Value))
            {
                errors.Add(new FieldError($"items[{i}].unitPrice", l["Purchase.UnitPriceOverLimit", PurchaseBounds.MaxUnitPrice]));
            }
            Amount(item.TotalPrice!.Value, $"items[{i}].totalPrice");
        }
        for (var i = 0; i < r.Payments!.Count; i++)
        {
            Amount(r.Payments[i].Amount!.Value, $"payments[{i}].amount");
        }
        return errors;
    }

    /// <summary>A hash of the request's meaning (not its bytes): the same purchase sent with other spacing, property
    /// order, punctuation of the document or trailing zeros is the same request.</summary>
    public static string Hash(PurchaseRequest r)
    {
        var text = new StringBuilder()
            .Append(r.PosNumber!.Trim()).Append('|').Append(r.CouponNumber!.Trim()).Append('|')
            .Append(r.OccurredAt!.Value.UtcTicks).Append('|')
            .Append(CustomerIdentifier.Parse(r.Customer?.CardNumber)?.CardNumber).Append('|')
            .Append(CustomerIdentifier.Parse(r.Customer?.Document)?.Document).Append('|')
            .Append(Number(r.TotalAmount!.Value));
        foreach (var item in r.Items!)
        {
            text.Append("|i:").Append(item.ProductCode!.Trim()).Append(';').Append(Number(item.Quantity!.Value))
                .Append(';').Append(Number(item.UnitPrice!.Value)).Append(';').Append(Number(item.TotalPrice!.Value));
        }
        foreach (var payment in r.Payments!)
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
