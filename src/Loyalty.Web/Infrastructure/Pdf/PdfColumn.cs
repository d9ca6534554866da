namespace Loyalty.Web.Infrastructure.Pdf;

public enum PdfAlign
{
    Left,
    Right,
}

/// <param name="Width">Relative to the other columns' widths; the table fills the page's width.</param>
public sealed record PdfColumn(string Header, double Width = 1, PdfAlign Align = PdfAlign.Left);
