using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Purchases;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// Four months of POS purchases for the demo's PF customers, so the profile's figures, the statement and the campaigns
/// have something to show. Each goes through the POS's own handler at its own time (a clock set just after the sale, so
/// the 7-day window holds as it did for the POS then) and earns what the rules say — concessions and campaign bonuses
/// included once the demo campaigns exist. The sales come from a fixed seed and fixed coupons: running the seed again adds
/// nothing.
/// </summary>
internal static class DemoHistory
{
    private const int Days = 120;
    private const int UntilDaysAgo = 8;

    private static readonly (string Document, int EveryDays)[] Buyers =
        [("52998224725", 6), ("12345678909", 15), ("98765432100", 9), ("11144477735", 12)];

    private static readonly (string Code, decimal UnitPrice)[] Fuels = [("GASC", 6.190m), ("GASA", 6.490m), ("ETAN", 4.290m)];

    private static readonly (string Code, decimal UnitPrice)[] Shop = [("AGUA500", 3.50m), ("REFRI350", 5.50m), ("OLEO1L", 39.90m)];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, Guid> storeIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var stores = storeIds.OrderBy(s => s.Key).Select(s => s.Value).ToArray();
        var today = now.UtcDateTime.Date;
        foreach (var (document, everyDays) in Buyers)
        {
            for (var daysAgo = Days - random.Next(everyDays); daysAgo >= UntilDaysAgo; daysAgo -= everyDays - 2 + random.Next(5))
            {
                // 11:00–22:59 UTC is 08:00–19:59 in São Paulo.
                var at = new DateTimeOffset(today.AddDays(-daysAgo).AddHours(11 + random.Next(12)).AddMinutes(random.Next(60)), TimeSpan.Zero);
                var request = Sale(random, $"DEMO-H{Array.FindIndex(Buyers, b => b.Document == document)}-{daysAgo:000}", at, document);
                await RecordAsync(services, stores[random.Next(stores.Length)], request, cancellationToken);
            }
        }
        // 45 litres of gasoline inside "Natal Premiado": João has a gift voucher to claim at the counter.
        var gift = new DateTimeOffset(today.AddDays(-UntilDaysAgo).AddHours(15), TimeSpan.Zero);
        await RecordAsync(services, storeIds["LJ01"], new PurchaseRequest
        {
            PosNumber = "2", CouponNumber = "DEMO-G-001", OccurredAt = gift, Customer = new PurchaseCustomer { Document = "52998224725" },
            TotalAmount = 278.55m, Items = [Item("GASC", 45m, 6.190m)],
            Payments = [new PurchaseRequestPayment { Method = "credito", Amount = 278.55m }],
        }, cancellationToken);
    }

    private static Task<RecordPurchase.Outcome> RecordAsync(IServiceProvider services, Guid storeId, PurchaseRequest request, CancellationToken cancellationToken)
    {
        var handler = ActivatorUtilities.CreateInstance<RecordPurchase.Handler>(services, new FixedClock(request.OccurredAt!.Value.AddMinutes(1)));
        return handler.HandleAsync(storeId, request, cancellationToken);
    }

    private static PurchaseRequest Sale(Random random, string coupon, DateTimeOffset at, string document)
    {
        var fuel = Fuels[random.Next(Fuels.Length)];
        var litres = Math.Round(25m + (decimal)random.NextDouble() * 20m, 3);
        var items = new List<PurchaseRequestItem> { Item(fuel.Code, litres, fuel.UnitPrice) };
        if (random.Next(3) == 0)
        {
            var extra = Shop[random.Next(Shop.Length)];
            items.Add(Item(extra.Code, 1 + random.Next(2), extra.UnitPrice));
        }
        var total = items.Sum(i => i.TotalPrice!.Value);
        return new PurchaseRequest
        {
            PosNumber = "2",
            CouponNumber = coupon,
            OccurredAt = at,
            Customer = new PurchaseCustomer { Document = document },
            TotalAmount = total,
            Items = items,
            Payments = [new PurchaseRequestPayment { Method = random.Next(2) == 0 ? "credito" : "pix", Amount = total }],
        };
    }

    private static PurchaseRequestItem Item(string code, decimal quantity, decimal unitPrice) => new()
    {
        ProductCode = code, Quantity = quantity, UnitPrice = unitPrice, TotalPrice = Math.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero),
    };

    /// <summary>The POS's clock at the moment of the sale.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
