using Loyalty.Domain.Numbering;
using Loyalty.Domain.Points;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers.Statement;

/// <summary>What an entry refers to, in words: the purchase (store, POS, coupon), the redemption by its number (and a
/// cancellation by its own), and the reason given.</summary>
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
        if (line.Kind == LedgerEntryKind.RedemptionCancellation && line.CancellationNumber is { } cancellation)
        {
            parts.Add(l["Statement.Reference.Cancellation", DocumentNumber.Format(DocumentKind.RedemptionCancellation, cancellation)]);
        }
        if (line.RedemptionNumber is { } redemption)
        {
            parts.Add(l["Statement.Reference.Redemption", DocumentNumber.Format(DocumentKind.Redemption, redemption)]);
        }
        if (line.Reason is not null)
        {
            parts.Add(line.Reason);
        }
        return string.Join(" · ", parts);
    }
}
