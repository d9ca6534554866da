using System.Globalization;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers.Statement;

/// <summary>
/// The statement as PDF (SPEC §3 "Extrato Geral"): the customer, the masked document, the card, the period, the
/// opening balance, the entries newest first with the balance after each, and the closing balance. A PDF is built in memory, so a
/// period with more than <see cref="MaxEntries"/> entries lists the newest ones and says the CSV has them all.
/// </summary>
public static class StatementPdf
{
    public const int MaxEntries = 5_000;
    public const string ContentType = "application/pdf";

    public sealed record Heading(StatementSubject.Subject Subject, string? Card, long Opening, long Closing);

    /// <param name="lines">The entries newest first, as the screen lists them.</param>
    public static async Task<byte[]> RenderAsync(Heading heading, IAsyncEnumerable<StatementLedger.Line> lines,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var subject = heading.Subject;
        using var pdf = new PdfReport(l["StatementPdf.Title"], (page, total) => l["Pdf.PageOf", page, total]);
        pdf.Title(l["StatementPdf.Title"]);
        pdf.Field(l["StatementPdf.Customer"], subject.Name);
        pdf.Field(l["StatementPdf.Document"], subject.MaskedDocument);
        pdf.Field(l["StatementPdf.Card"], heading.Card ?? "—");
        pdf.Field(l["StatementPdf.Period"], l["StatementPdf.PeriodValue",
            DisplayFormat.Date(subject.Period.From), DisplayFormat.Date(subject.Period.To)]);
        pdf.Field(l["StatementPdf.Opening"], DisplayFormat.Number(heading.Opening));
        pdf.Space();
        var table = pdf.Table(
            new PdfColumn(l["Statement.When"], 1.5),
            new PdfColumn(l["Statement.Operation"], 1.7),
            new PdfColumn(l["Statement.Reference"], 3.4),
            new PdfColumn(l["Statement.Points"], 1.1, PdfAlign.Right),
            new PdfColumn(l["Statement.Balance"], 1.1, PdfAlign.Right),
            new PdfColumn(l["Statement.LotExpiry"], 1.3));
        var count = 0;
        var truncated = false;
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            if (++count > MaxEntries)
            {
                truncated = true;
                break;
            }
            table.Row(TimeZoneInfo.ConvertTime(line.OccurredAt, subject.Zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
                l["Statement.Operation." + CustomerStatement.OperationOf(line.Kind)],
                StatementReference.Describe(line, l),
                DisplayFormat.Number(line.Points),
                DisplayFormat.Number(line.BalanceAfter),
                line.LotExpiresAt is { } expires ? DisplayFormat.Date(Domain.Points.PointsExpiry.LastValidDay(expires, subject.Zone)) : "");
        }
        if (count == 0)
        {
            table.Row(l["StatementPdf.NoEntries"], "", "", "", "", "");
        }
        pdf.Space();
        if (truncated)
        {
            pdf.Paragraph(l["StatementPdf.Truncated", MaxEntries]);
        }
        pdf.Field(l["StatementPdf.Closing"], DisplayFormat.Number(heading.Closing));
        return pdf.ToArray();
    }
}
