using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// The receipt on the counter's 80 mm thermal roll: the same facts as the A4 sheet, one below the other in the 72 mm the
/// printer reaches — each prize on its own lines (name wrapped, "2 × 1.250" and the points beside it), no table header
/// to break, and the signature line at the foot.
/// </summary>
internal sealed class ReceiptRoll(IStringLocalizer<SharedResource> l, DisplayFormat display)
{
    public byte[] Render(Receipts.Receipt receipt)
    {
        var title = l["Receipt.Title." + receipt.Kind].Value;
        var roll = new PdfRoll($"{title} {receipt.Number}");
        roll.Paragraph(receipt.Company, bold: true, centered: true);
        roll.Paragraph(receipt.Store, centered: true);
        roll.Rule();
        roll.Title(title);
        roll.Field(l["Receipt.Number"], receipt.Number);
        roll.Field(l["Receipt.At"], display.DateTime(receipt.At));
        roll.Rule();
        roll.Field(l["Receipt.Customer"], receipt.Customer);
        roll.Field(l["Receipt.Document"], receipt.Document);
        if (receipt.Card is not null)
        {
            roll.Field(l["Receipt.Card"], receipt.Card);
        }
        roll.Field(l["Receipt.Campaign"], receipt.Campaign);
        roll.Rule();
        var gifts = receipt.Kind == Receipts.Kind.GiftDelivery;
        roll.Columns(l[gifts ? "Receipt.Gift" : "Receipt.Prize"], l[gifts ? "Receipt.Quantity" : "Receipt.Points"], bold: true);
        foreach (var line in receipt.Lines)
        {
            if (line.PointsEach is { } each)
            {
                roll.Paragraph(line.Item);
                roll.Columns($"  {DisplayFormat.Number(line.Quantity)} × {DisplayFormat.Number(each)}", DisplayFormat.Number(each * line.Quantity));
            }
            else
            {
                roll.Columns(line.Item, DisplayFormat.Number(line.Quantity));
            }
        }
        roll.Rule();
        if (receipt.TotalPoints is { } total)
        {
            roll.Columns(l[receipt.Kind == Receipts.Kind.Redemption ? "Receipt.TotalDebited" : "Receipt.TotalReturned"], DisplayFormat.Number(total),
                bold: true);
        }
        roll.Columns(l["Receipt.BalanceAfter"], DisplayFormat.Number(receipt.BalanceAfter));
        if (receipt.Reason is not null)
        {
            roll.Field(l["Receipt.Reason"], receipt.Reason);
        }
        roll.Field(l["Receipt.Operator"], receipt.Operator);
        roll.Space(36);
        roll.Rule();
        roll.Paragraph(l["Receipt.Signature"], centered: true);
        return roll.ToArray();
    }
}
