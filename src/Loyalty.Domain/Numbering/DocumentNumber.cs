using System.Globalization;

namespace Loyalty.Domain.Numbering;

/// <summary>
/// What a person reads for a record (SPEC §12 "numbers people read"): a short per-tenant sequence with a prefix saying
/// what it numbers, e.g. <c>RES-000123</c>. Each kind counts on its own; the internal ids never leave the server.
/// </summary>
public enum DocumentKind : short
{
    Redemption = 1,
    RedemptionCancellation = 2,
    GiftDelivery = 3,
    EmbossingBatch = 4,
    Import = 5,
}

public readonly record struct DocumentNumber(DocumentKind Kind, long Value)
{
    /// <summary>Six digits read well on a receipt and cover years of a network's counter; more digits simply follow.</summary>
    private const string Digits = "000000";

    private static readonly Dictionary<DocumentKind, string> Prefixes = new()
    {
        [DocumentKind.Redemption] = "RES",
        [DocumentKind.RedemptionCancellation] = "CAN",
        [DocumentKind.GiftDelivery] = "BRI",
        [DocumentKind.EmbossingBatch] = "LOT",
        [DocumentKind.Import] = "IMP",
    };

    public string Prefix => Prefixes[Kind];

    public override string ToString() => $"{Prefix}-{Value.ToString(Digits, CultureInfo.InvariantCulture)}";

    public static string Format(DocumentKind kind, long value) => new DocumentNumber(kind, value).ToString();

    /// <summary>Reads a number as people type it: "RES-000123", "res 123", "RES123". Bare digits are
    /// <paramref name="bare"/>'s (the kind the search box is about), when one is given.</summary>
    public static DocumentNumber? Parse(string? text, DocumentKind? bare = null)
    {
        var compact = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.' && c != '/' && c != '#'))
            .ToUpperInvariant().Replace("Nº", "", StringComparison.Ordinal).Replace("N°", "", StringComparison.Ordinal);
        var kind = bare;
        foreach (var (candidate, prefix) in Prefixes)
        {
            if (compact.StartsWith(prefix, StringComparison.Ordinal))
            {
                kind = candidate;
                compact = compact[prefix.Length..];
                break;
            }
        }
        return kind is { } k && compact.Length is > 0 and <= 18 && compact.All(char.IsAsciiDigit)
               && long.TryParse(compact, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? new DocumentNumber(k, value)
            : null;
    }
}
