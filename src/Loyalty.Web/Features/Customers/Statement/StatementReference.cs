using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers.Statement;

/// <summary>What an entry refers to, in words: the purchase (store, POS, coupon), the redemption and the reason given.</summary>
public static class StatementReference
{
    public static string Describe(StatementLedger.Line line, IStringLocalizer<SharedResource> l, bool withStore = true)
    {
        var parts = new List<string>(3);
        if (line.PosNumber is not null)
        {
            parts.Add(withStore
                ? l["Statement.Reference.Purchase", line.StoreCode!, line.PosNumber, line.CouponNumber!]
                : l["Statement.Reference.Coupon", line.PosNumber, line.CouponNumber!]);
        }
        if (line.RedemptionId is { } redemption)
        {
            parts.Add(l["Statement.Reference.Redemption", redemption]);
        }
        if (line.Reason is not null)
        {
            parts.Add(line.Reason);
        }
        return string.Join(" · ", parts);
    }
}
