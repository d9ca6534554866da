using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Loyalty.Web.Infrastructure.Pdf;

/// <summary>
/// The one document module every PDF of the app uses (statements, receipts, reports): A4 portrait pages, a title, text
/// that wraps at the margins, tables whose header row repeats on every page, and a footer with the document's title and
/// "page n of N". Content flows top to bottom and a new page starts by itself when the next block does not fit.
/// Text is drawn with DejaVu Sans (<see cref="DejaVuFontResolver"/>), embedded so that it reads back, accents included.
/// </summary>
/// <param name="pageLabel">The footer's page label from (page, page count), in the reader's language: "Página 1 de 3".</param>
public sealed class PdfReport(string title, Func<int, int, string> pageLabel) : IDisposable
{
    internal const double Margin = 40;
    private const double FooterHeight = 24;
    internal const double LineSpacing = 1.25;

    private readonly PdfDocument document = NewDocument(title);
    private XGraphics? graphics;
    private double y;

    internal static readonly XFont Body = Font(9, bold: false);
    internal static readonly XFont BodyBold = Font(9, bold: true);
    private static readonly XFont TitleFont = Font(14, bold: true);
    private static readonly XFont FooterFont = Font(7.5, bold: false);

    internal static double ContentWidth => PageWidth - 2 * Margin;
    internal static double Left => Margin;
    internal double Top => y;
    internal XGraphics Graphics => graphics ?? NewPage();
    private static double PageWidth => PageSizeConverter.ToSize(PageSize.A4).Width;
    private static double PageHeight => PageSizeConverter.ToSize(PageSize.A4).Height;
    private static double Bottom => PageHeight - Margin - FooterHeight;

    public int PageCount => document.PageCount;

    public void Title(string text)
    {
        WriteWrapped(text, TitleFont);
        Space(6);
    }

    public void Paragraph(string text, bool bold = false) => WriteWrapped(text, bold ? BodyBold : Body);

    /// <summary>A label in bold followed by its value, for the heading lines of a document ("Cliente: Ana").</summary>
    public void Field(string label, string value) => WriteWrapped($"{label}: {value}", Body, boldPrefixLength: label.Length + 1);

    public void Space(double points = 8)
    {
        _ = Graphics;
        y += points;
    }

    /// <summary>Starts the next block on a new page (one letter per page).</summary>
    public void PageBreak()
    {
        if (graphics is not null)
        {
            NewPage();
        }
    }

    /// <summary>Starts a table here; add its rows with <see cref="PdfTable.Row"/>. Widths are relative to each other.</summary>
    public PdfTable Table(params PdfColumn[] columns)
    {
        var table = new PdfTable(this, columns);
        table.DrawHeader(keepWithFirstRow: true);
        return table;
    }

    public void Save(Stream output)
    {
        _ = Graphics;
        graphics!.Dispose();
        graphics = null;
        DrawFooters();
        document.Save(output, closeStream: false);
    }

    public byte[] ToArray()
    {
        using var output = new MemoryStream();
        Save(output);
        return output.ToArray();
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> still fits on this one (or this page is still empty).</summary>
    internal void EnsureRoom(double height)
    {
        if (graphics is null || (y + height > Bottom && y > Margin))
        {
            NewPage();
        }
    }

    internal void Advance(double height) => y += height;

    internal static double LineHeight(XFont font) => font.Size * LineSpacing;

    private void WriteWrapped(string text, XFont font, int boldPrefixLength = 0)
    {
        var lines = TextWrap.Lines(Graphics, text, font, ContentWidth);
        foreach (var line in lines)
        {
            EnsureRoom(LineHeight(font));
            if (boldPrefixLength > 0 && line.Length >= boldPrefixLength)
            {
                // Only the first line of a field can start with its label.
                var label = line[..boldPrefixLength];
                graphics!.DrawString(label, BodyBold, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
                var labelWidth = graphics.MeasureString(label + " ", BodyBold).Width;
                graphics.DrawString(line[boldPrefixLength..].TrimStart(), font, XBrushes.Black, Margin + labelWidth, y, XStringFormats.TopLeft);
                boldPrefixLength = 0;
            }
            else
            {
                graphics!.DrawString(line, font, XBrushes.Black, Margin, y, XStringFormats.TopLeft);
            }
            y += LineHeight(font);
        }
    }

    private XGraphics NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
        return graphics;
    }

    // Drawn last, when the number of pages is known.
    private void DrawFooters()
    {
        var total = document.PageCount;
        for (var i = 0; i < total; i++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var baseline = PageHeight - Margin;
            footer.DrawLine(XPens.LightGray, Margin, baseline - FooterHeight + 8, PageWidth - Margin, baseline - FooterHeight + 8);
            footer.DrawString(title, FooterFont, XBrushes.Gray, Margin, baseline, XStringFormats.BottomLeft);
            footer.DrawString(pageLabel(i + 1, total), FooterFont, XBrushes.Gray, PageWidth - Margin, baseline, XStringFormats.BottomRight);
        }
    }

    private static PdfDocument NewDocument(string title)
    {
        PdfFonts.EnsureConfigured();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Loyalty";
        return document;
    }

    private static XFont Font(double size, bool bold)
    {
        PdfFonts.EnsureConfigured();
        return new XFont(DejaVuFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
    }
}
