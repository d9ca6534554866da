using Loyalty.Domain.Cards;
using Loyalty.Domain.Cards.Embossing;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Numbering;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Pdf;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// The batch's printouts (seed 001): "Envia Carta Cliente", one letter per customer announcing the card and its delivery
/// date, and "Comprovante", the card receipt vouchers the customer signs. A PDF is built in memory, so a large batch is
/// printed in parts of <see cref="PartSize"/> cards (line order, as in the file).
/// </summary>
public sealed class EmbossingPdfs(LoyaltyDbContext db, IStringLocalizer<SharedResource> l)
{
    public const int PartSize = 500;
    public const string ContentType = "application/pdf";

    public static int PartsOf(int cards) => Math.Max(1, (cards + PartSize - 1) / PartSize);

    /// <summary>A CPF has 11 characters and a CNPJ 14: the stored document says which it is.</summary>
    public static string FormatDocument(string document) =>
        document.Length == 11 && Cpf.TryParse(document, out var cpf) ? cpf.Formatted
        : Cnpj.TryParse(document, out var cnpj) ? cnpj.Formatted : document;

    private sealed record Line(int Number, string Card, string Name, string Document, DateOnly ExpiresOn, string? Store);

    public async Task<(byte[] Pdf, string FileName)?> LettersAsync(long number, int part, CancellationToken cancellationToken) =>
        await RenderAsync(number, part, "Embossing.Letters", (pdf, batch, line) =>
        {
            pdf.PageBreak();
            pdf.Title(l["Embossing.Letter.Title"]);
            pdf.Paragraph(l["Embossing.Letter.Greeting", line.Name]);
            pdf.Space();
            pdf.Paragraph(l["Embossing.Letter.Body", DisplayFormat.Date(batch.ExpectedReturnOn)]);
            pdf.Space();
            pdf.Field(l["Embossing.Card"], Card.Mask(line.Card));
            pdf.Field(l["Embossing.ValidThru"], line.ExpiresOn.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
            pdf.Field(l["Embossing.Store"], line.Store ?? "—");
            pdf.Field(l["Embossing.DeliveryDate"], DisplayFormat.Date(batch.ExpectedReturnOn));
            pdf.Space();
            pdf.Paragraph(l["Embossing.Letter.Closing"]);
        }, cancellationToken);

    public async Task<(byte[] Pdf, string FileName)?> VouchersAsync(long number, int part, CancellationToken cancellationToken) =>
        await RenderAsync(number, part, "Embossing.Vouchers", (pdf, batch, line) =>
        {
            pdf.Paragraph(l["Embossing.Voucher.Title"], bold: true);
            pdf.Paragraph(l["Embossing.Voucher.Text", line.Name, line.Document, Card.Mask(line.Card)]);
            pdf.Field(l["Embossing.Batch"], DocumentNumber.Format(DocumentKind.EmbossingBatch, batch.Number));
            pdf.Paragraph(l["Embossing.Voucher.Signature"]);
            pdf.Space(18);
        }, cancellationToken);

    private async Task<(byte[], string)?> RenderAsync(long number, int part, string titleKey, Action<PdfReport, EmbossingBatch, Line> render,
        CancellationToken cancellationToken)
    {
        var batch = await db.Set<EmbossingBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Number == number, cancellationToken);
        if (batch is null || part < 1 || part > PartsOf(batch.CardCount))
        {
            return null;
        }
        var rows = await db.Set<EmbossingBatchCard>().AsNoTracking()
            .Where(bc => bc.BatchId == batch.Id && bc.Line > (part - 1) * PartSize && bc.Line <= part * PartSize)
            .Join(db.Cards, bc => bc.CardId, c => c.Id, (bc, c) => new { bc.Line, c.Number, c.ExpiresOn, c.CustomerId })
            .Join(db.Customers, x => x.CustomerId, cu => cu.Id, (x, cu) => new { x.Line, x.Number, x.ExpiresOn, cu.Name, cu.Document, cu.RegisteringStoreId })
            .GroupJoin(db.Stores, x => x.RegisteringStoreId, s => s.Id, (x, s) => new { x, s })
            .SelectMany(g => g.s.DefaultIfEmpty(), (g, s) => new { g.x, Store = s == null ? null : s.Code + " — " + s.Name })
            .OrderBy(r => r.x.Line)
            .ToListAsync(cancellationToken);
        var batchNumber = DocumentNumber.Format(DocumentKind.EmbossingBatch, batch.Number);
        var title = $"{l[titleKey]} {batchNumber}";
        using var pdf = new PdfReport(title, (page, total) => l["Pdf.PageOf", page, total]);
        foreach (var r in rows)
        {
            render(pdf, batch, new Line(r.x.Line, r.x.Number, r.x.Name, FormatDocument(r.x.Document), r.x.ExpiresOn, r.Store));
        }
        var suffix = PartsOf(batch.CardCount) > 1 ? $"_{part}" : "";
        var kind = titleKey == "Embossing.Letters" ? "cartas" : "comprovantes";
        return (pdf.ToArray(), $"{kind}_{batchNumber}{suffix}.pdf");
    }
}
