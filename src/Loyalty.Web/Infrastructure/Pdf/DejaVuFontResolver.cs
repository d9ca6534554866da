using PdfSharp.Fonts;

namespace Loyalty.Web.Infrastructure.Pdf;

/// <summary>
/// Serves DejaVu Sans (regular and bold) to PDFsharp, whatever family a document asks for: the core build of PDFsharp
/// knows no system fonts, and DejaVu covers every Portuguese and Spanish letter. The files come from Debian's
/// fonts-dejavu-core (installed on the machines and in the container image).
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", Path.Combine(AppContext.BaseDirectory, "fonts")];

    // Each face is read once; PDFsharp caches what it builds from the bytes but may ask again.
    private readonly Lazy<byte[]> regular = new(() => Read(RegularFace));
    private readonly Lazy<byte[]> boldFace = new(() => Read(BoldFace));

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // No oblique face is installed: PDFsharp simulates italics on the upright one.
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => faceName == BoldFace ? boldFace.Value : regular.Value;

    private static byte[] Read(string face)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, face + ".ttf");
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }
        throw new FileNotFoundException(
            $"{face}.ttf was not found in {string.Join(" or ", Folders)}; install the fonts-dejavu-core package.");
    }
}
