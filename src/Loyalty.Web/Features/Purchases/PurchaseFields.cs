namespace Loyalty.Web.Features.Purchases;

/// <summary>
/// What the purchase's rules call each field in their errors: the API's JSON names (the contract, SPEC §10) or the
/// back-office form's, so each caller's messages land on its own fields and nobody rewrites names afterwards.
/// </summary>
public sealed class PurchaseFields
{
    public static readonly PurchaseFields Api = new(api: true);
    public static readonly PurchaseFields Form = new(api: false);

    private readonly bool _api;

    private PurchaseFields(bool api) => _api = api;

    public string PosNumber => _api ? "posNumber" : "PosNumber";
    public string CouponNumber => _api ? "couponNumber" : "CouponNumber";
    public string OccurredAt => _api ? "occurredAt" : "OccurredAt";

    // The form has one field for the card or the document.
    public string Customer => _api ? "customer" : "Customer";
    public string CardNumber => _api ? "customer.cardNumber" : "Customer";
    public string Document => _api ? "customer.document" : "Customer";

    public string TotalAmount => _api ? "totalAmount" : "TotalAmount";
    public string Items => _api ? "items" : "Items";
    public string Payments => _api ? "payments" : "Payments";

    public string ProductCode(int item) => _api ? $"items[{item}].productCode" : $"Items[{item}].ProductCode";
    public string Quantity(int item) => _api ? $"items[{item}].quantity" : $"Items[{item}].Quantity";
    public string UnitPrice(int item) => _api ? $"items[{item}].unitPrice" : $"Items[{item}].UnitPrice";
    public string ItemTotal(int item) => _api ? $"items[{item}].totalPrice" : $"Items[{item}].TotalPrice";
    public string Method(int payment) => _api ? $"payments[{payment}].method" : $"Payments[{payment}].Method";
    public string Amount(int payment) => _api ? $"payments[{payment}].amount" : $"Payments[{payment}].Amount";

    /// <summary>Payments that do not add up to the total: the API names the list; the form, the last line's amount,
    /// which is the one that takes what is left.</summary>
    public string PaymentsSum(int payments) => _api || payments == 0 ? Payments : Amount(payments - 1);
}
