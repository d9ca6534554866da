using PdfSharp.Drawing;

namespace Loyalty.Web.Infrastructure.Pdf;

/// <summary>
/// A table of <see cref="PdfReport"/>: cells wrap inside their column, a row never splits across pages, and the header
/// row is drawn again at the top of every page the table continues on. Rows are drawn as they are added, so a caller
/// can stream them from the database.
/// </summary>
public sealed class PdfTable
{
    private const double Padding = 3;
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(235, 238, 242));

    private readonly PdfReport report;
    private readonly PdfColumn[] columns;
    private readonly double[] widths;
    private int page;

    internal PdfTable(PdfReport report, PdfColumn[] columns)
    {
        ArgumentOutOfRangeException.ThrowIfZero(columns.Length);
        this.report = report;
        this.columns = columns;
        var total = columns.Sum(c => c.Width);
        widths = [.. columns.Select(c => PdfReport.ContentWidth * c.Width / total)];
    }

    public void Row(params string?[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"The table has {columns.Length} columns; the row has {cells.Length} cells.", nameof(cells));
        }
        var lines = Wrap(cells, PdfReport.Body);
        var height = Height(lines, PdfReport.Body);
        report.EnsureRoom(height);
        if (report.PageCount != page)
        {
            DrawHeader(keepWithFirstRow: false);
        }
        Draw(lines, PdfReport.Body, height, fill: null);
    }

    internal void DrawHeader(bool keepWithFirstRow)
    {
        var lines = Wrap([.. columns.Select(c => c.Header)], PdfReport.BodyBold);
        var height = Height(lines, PdfReport.BodyBold);
        // A header alone at the foot of a page is useless: make room for it and one ordinary row.
        report.EnsureRoom(keepWithFirstRow ? height + PdfReport.LineHeight(PdfReport.Body) + 2 * Padding : height);
        page = report.PageCount;
        Draw(lines, PdfReport.BodyBold, height, HeaderFill);
    }

    private List<string>[] Wrap(IReadOnlyList<string?> cells, XFont font) =>
        [.. cells.Select((text, i) => TextWrap.Lines(report.Graphics, text ?? "", font, widths[i] - 2 * Padding))];

    private static double Height(List<string>[] lines, XFont font) =>
        lines.Max(l => Math.Max(l.Count, 1)) * PdfReport.LineHeight(font) + 2 * Padding;

    private void Draw(List<string>[] lines, XFont font, double height, XBrush? fill)
    {
        var g = report.Graphics;
        var top = report.Top;
        if (fill is not null)
        {
            g.DrawRectangle(fill, PdfReport.Left, top, PdfReport.ContentWidth, height);
        }
        var x = PdfReport.Left;
        for (var i = 0; i < columns.Length; i++)
        {
            var lineTop = top + Padding;
            foreach (var line in lines[i])
            {
                if (columns[i].Align == PdfAlign.Right)
                {
                    g.DrawString(line, font, XBrushes.Black, x + widths[i] - Padding, lineTop, XStringFormats.TopRight);
                }
                else
                {
                    g.DrawString(line, font, XBrushes.Black, x + Padding, lineTop, XStringFormats.TopLeft);
                }
                lineTop += PdfReport.LineHeight(font);
            }
            x += widths[i];
        }
        g.DrawLine(XPens.LightGray, PdfReport.Left, top + height, PdfReport.Left + PdfReport.ContentWidth, top + height);
        report.Advance(height);
    }
}
