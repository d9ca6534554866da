using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>The receipt as a PDF the customer signs: who, where, when, what, the points and the balance after — on an A4
/// sheet, or on the 80 mm roll (<see cref="ReceiptRoll"/>) when the store prints there.</summary>
public sealed class ReceiptPdf(IStringLocalizer<SharedResource> l, DisplayFormat display)
{
    public byte[] Render(Receipts.Receipt receipt) =>
        receipt.Format == ReceiptFormat.Roll80 ? new ReceiptRoll(l, display).Render(receipt) : RenderA4(receipt);

    private byte[] RenderA4(Receipts.Receipt receipt)
    {
        var title = l["Receipt.Title." + receipt.Kind].Value;
        using var pdf = new PdfReport($"{title} {receipt.Number}", (page, total) => l["Receipt.Page", page, total].Value);
        pdf.Title(title);
        pdf.Field(l["Receipt.Company"], receipt.Company);
        pdf.Field(l["Receipt.Store"], receipt.Store);
        pdf.Field(l["Receipt.At"], display.DateTime(receipt.At));
        pdf.Field(l["Receipt.Number"], receipt.Number);
        pdf.Space();
        pdf.Field(l["Receipt.Customer"], receipt.Customer);
        pdf.Field(l["Receipt.Document"], receipt.Document);
        if (receipt.Card is not null)
        {
            pdf.Field(l["Receipt.Card"], receipt.Card);
        }
        pdf.Field(l["Receipt.Campaign"], receipt.Campaign);
        pdf.Space();
        if (receipt.Kind == Receipts.Kind.GiftDelivery)
        {
            var gifts = pdf.Table(new PdfColumn(l["Receipt.Gift"], 5), new PdfColumn(l["Receipt.Quantity"], 1, PdfAlign.Right));
            foreach (var line in receipt.Lines)
            {
                gifts.Row(line.Item, DisplayFormat.Number(line.Quantity));
            }
        }
        else
        {
            var prizes = pdf.Table(new PdfColumn(l["Receipt.Prize"], 5), new PdfColumn(l["Receipt.Quantity"], 1, PdfAlign.Right),
                new PdfColumn(l["Receipt.PointsEach"], 1.5, PdfAlign.Right), new PdfColumn(l["Receipt.Points"], 1.5, PdfAlign.Right));
            foreach (var line in receipt.Lines)
            {
                prizes.Row(line.Item, DisplayFormat.Number(line.Quantity), DisplayFormat.Number(line.PointsEach ?? 0),
                    DisplayFormat.Number((line.PointsEach ?? 0) * line.Quantity));
            }
            pdf.Space(4);
            pdf.Field(l[receipt.Kind == Receipts.Kind.Redemption ? "Receipt.TotalDebited" : "Receipt.TotalReturned"],
                DisplayFormat.Number(receipt.TotalPoints ?? 0));
        }
        if (receipt.Reason is not null)
        {
            pdf.Field(l["Receipt.Reason"], receipt.Reason);
        }
        pdf.Field(l["Receipt.BalanceAfter"], DisplayFormat.Number(receipt.BalanceAfter));
        pdf.Field(l["Receipt.Operator"], receipt.Operator);
        pdf.Space(48);
        pdf.Paragraph(new string('_', 60));
        pdf.Paragraph(l["Receipt.Signature"]);
        return pdf.ToArray();
    }

    public static string FileName(Receipts.Receipt receipt) => $"recibo-{receipt.Number}.pdf";
}
