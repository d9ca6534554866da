using PdfSharp.Fonts;

namespace Loyalty.Web.Infrastructure.Pdf;

/// <summary>
/// Installs <see cref="DejaVuFontResolver"/> as PDFsharp's process-wide font resolver. PDFsharp allows setting it only
/// before the first font is used, so this runs once at start-up and again, harmlessly, from every document.
/// </summary>
public static class PdfFonts
{
    private static readonly Lock Gate = new();
    private static bool configured;

    public static void EnsureConfigured()
    {
        if (Volatile.Read(ref configured))
        {
            return;
        }
        lock (Gate)
        {
            if (!configured)
            {
                if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
                {
                    GlobalFontSettings.FontResolver = new DejaVuFontResolver();
                }
                Volatile.Write(ref configured, true);
            }
        }
    }
}
