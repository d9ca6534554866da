using Loyalty.Web.Features.Purchases;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// One purchase at CR01 on a card of the delivered demo batch, posted through the POS handler, so the newly active card
/// shows its points. The coupon is fixed: a second seed's post is recognised as the same purchase and adds nothing.
/// </summary>
internal static class DemoCreditPurchase
{
    public const string Coupon = "CRED-0001";

    public static async Task SeedAsync(IServiceProvider services, Guid storeId, string document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = await services.GetRequiredService<RecordPurchase.Handler>().HandleAsync(storeId, new PurchaseRequest
        {
            PosNumber = "1",
            CouponNumber = Coupon,
            OccurredAt = now.AddHours(-1),
            Customer = new PurchaseCustomer { Document = document },
            TotalAmount = 189.90m,
            Items = [new PurchaseRequestItem { ProductCode = "MERC", Quantity = 1m, UnitPrice = 189.90m, TotalPrice = 189.90m }],
            Payments = [new PurchaseRequestPayment { Method = "credito", Amount = 189.90m }],
        }, cancellationToken);
        // Created the first time; a later seed's post of the same coupon is a replay or, its time having moved, a conflict.
        if (outcome.Kind is RecordPurchase.Kind.Invalid or RecordPurchase.Kind.Unprocessable)
        {
            throw new InvalidOperationException("Demo purchase: " + outcome.Problem + " "
                + string.Join("; ", (outcome.Errors ?? []).Select(e => $"{e.Field}: {e.Message}")));
        }
    }
}
