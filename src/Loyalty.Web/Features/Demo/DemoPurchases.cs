using Loyalty.Web.Features.Purchases;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// A few days of POS purchases for the demo customers, posted through the same handler as the POS API (so within its
/// 7-day window): fuel with three-decimal prices, a dependent's purchase earning for the titular, and a fleet purchase
/// above its category's limit that waits in the audit queue. Coupons are fixed, so running the seed again adds nothing.
/// </summary>
internal static class DemoPurchases
{
    private sealed record Sale(string Store, string Coupon, int DaysAgo, string Document, string Product, decimal Quantity, decimal UnitPrice, decimal Total, string Method);

    private static readonly Sale[] Sales =
    [
        new("LJ01", "DEMO-0001", 6, "52998224725", "GASC", 40.000m, 6.190m, 247.60m, "credito"),
        new("LJ01", "DEMO-0002", 5, "98765432100", "ETAN", 25.482m, 4.290m, 109.32m, "pix"),
        new("LJ02", "DEMO-0003", 4, "12345678909", "REFRI350", 2m, 5.50m, 11.00m, "dinheiro"),
        new("LJ02", "DEMO-0004", 3, "12ABC34501DE35", "DIES", 120.000m, 5.890m, 706.80m, "faturado"),
        new("LJ01", "DEMO-0005", 2, "11144477735", "LAVAG", 1m, 45.00m, 45.00m, "debito"),
        new("LJ01", "DEMO-0006", 1, "52998224725", "GASA", 35.117m, 6.490m, 227.91m, "credito"),
        // Above the fleet category's R$ 3.000,00 limit: waits in the audit queue.
        new("LJ02", "DEMO-0007", 1, "12ABC34501DE35", "DIES", 600.000m, 5.890m, 3534.00m, "faturado"),
    ];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, Guid> storeIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var handler = services.GetRequiredService<RecordPurchase.Handler>();
        foreach (var sale in Sales)
        {
            // An earlier seed's coupon answers 200 (or 409, its time having moved with the clock): nothing is added twice.
            await handler.HandleAsync(storeIds[sale.Store], new PurchaseRequest
            {
                PosNumber = "1",
                CouponNumber = sale.Coupon,
                OccurredAt = now.AddDays(-sale.DaysAgo).AddHours(-1),
                Customer = new PurchaseCustomer { Document = sale.Document },
                TotalAmount = sale.Total,
                Items = [new PurchaseRequestItem { ProductCode = sale.Product, Quantity = sale.Quantity, UnitPrice = sale.UnitPrice, TotalPrice = sale.Total }],
                Payments = [new PurchaseRequestPayment { Method = sale.Method, Amount = sale.Total }],
            }, cancellationToken);
        }
    }
}
