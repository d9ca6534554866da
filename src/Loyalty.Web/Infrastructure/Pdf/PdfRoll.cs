using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Loyalty.Web.Infrastructure.Pdf;

/// <summary>
/// A document for the counter's 80 mm thermal printer: one page 80 mm wide, text within the 72 mm the head prints, and
/// as long as its content (a roll has no page breaks, so nothing — no header, no table row — is ever split). Blocks are
/// measured as they are added and drawn when the length is known. DejaVu Sans like every PDF of the app.
/// </summary>
public sealed class PdfRoll(string title)
{
    public const double PaperWidth = 80 / 25.4 * 72;
    public const double PrintableWidth = 72 / 25.4 * 72;
    private const double Side = (PaperWidth - PrintableWidth) / 2;
    private const double TopAndBottom = 12;
    private const double ColumnGap = 6;

    private static readonly XFont Body = Font(8.5, bold: false);
    private static readonly XFont Bold = Font(8.5, bold: true);
    private static readonly XFont TitleFont = Font(10, bold: true);

    private readonly XGraphics measure = XGraphics.CreateMeasureContext(new XSize(PaperWidth, PaperWidth), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly List<Action<XGraphics>> drawing = [];
    private double y = TopAndBottom;

    public void Title(string text)
    {
        Wrapped(text, TitleFont, centered: true);
        Space(4);
    }

    public void Paragraph(string text, bool bold = false, bool centered = false) => Wrapped(text, bold ? Bold : Body, centered);

    /// <summary>A label in bold and its value after it, wrapping under the label when long ("Cliente: Maria …").</summary>
    public void Field(string label, string value)
    {
        var lines = TextWrap.Lines(measure, $"{label}: {value}", Body, PrintableWidth);
        var prefix = label.Length + 1;
        foreach (var line in lines)
        {
            var top = y;
            if (prefix > 0 && line.Length >= prefix)
            {
                var head = line[..prefix];
                var rest = line[prefix..].TrimStart();
                var headWidth = measure.MeasureString(head + " ", Bold).Width;
                drawing.Add(g =>
                {
                    g.DrawString(head, Bold, XBrushes.Black, Side, top, XStringFormats.TopLeft);
                    g.DrawString(rest, Body, XBrushes.Black, Side + headWidth, top, XStringFormats.TopLeft);
                });
            }
            else
            {
                drawing.Add(g => g.DrawString(line, Body, XBrushes.Black, Side, top, XStringFormats.TopLeft));
            }
            prefix = 0;
            y += LineHeight(Body);
        }
    }

    /// <summary>A line of two columns: the text on the left wraps, the figure on the right stays on its first line.</summary>
    public void Columns(string left, string right, bool bold = false)
    {
        var font = bold ? Bold : Body;
        var rightWidth = measure.MeasureString(right, font).Width;
        var lines = TextWrap.Lines(measure, left, font, PrintableWidth - rightWidth - ColumnGap);
        var top = y;
        drawing.Add(g =>
        {
            var lineTop = top;
            foreach (var line in lines)
            {
                g.DrawString(line, font, XBrushes.Black, Side, lineTop, XStringFormats.TopLeft);
                lineTop += LineHeight(font);
            }
            g.DrawString(right, font, XBrushes.Black, Side + PrintableWidth, top, XStringFormats.TopRight);
        });
        y += Math.Max(lines.Count, 1) * LineHeight(font);
    }

    /// <summary>A dashed line across the paper, between the parts of a receipt.</summary>
    public void Rule()
    {
        Space(3);
        var at = y;
        drawing.Add(g => g.DrawLine(new XPen(XColors.Black, 0.5) { DashStyle = XDashStyle.Dash }, Side, at, Side + PrintableWidth, at));
        Space(4);
    }

    public void Space(double points = 6) => y += points;

    public byte[] ToArray()
    {
        PdfFonts.EnsureConfigured();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Loyalty";
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PaperWidth);
        page.Height = XUnit.FromPoint(y + TopAndBottom);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            foreach (var draw in drawing)
            {
                draw(graphics);
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void Wrapped(string text, XFont font, bool centered)
    {
        foreach (var line in TextWrap.Lines(measure, text, font, PrintableWidth))
        {
            var top = y;
            drawing.Add(centered
                ? g => g.DrawString(line, font, XBrushes.Black, Side + PrintableWidth / 2, top, XStringFormats.TopCenter)
                : g => g.DrawString(line, font, XBrushes.Black, Side, top, XStringFormats.TopLeft));
            y += LineHeight(font);
        }
    }

    private static double LineHeight(XFont font) => font.Size * PdfReport.LineSpacing;

    private static XFont Font(double size, bool bold)
    {
        PdfFonts.EnsureConfigured();
        return new XFont(DejaVuFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
    }
}
