using System.Text;

namespace Loyalty.Domain.Common;

/// <summary>
/// What a text typed by a person or sent by an integration may contain (SPEC §12). Refused: NUL and the other C0/C1
/// control characters (PostgreSQL cannot store NUL, and the rest only hide things on a screen or in a file), the
/// bidirectional overrides and isolates that reorder what a reader sees (a name that prints differently from what is
/// stored), zero-width characters that make two equal-looking names different, and lone surrogates (not text at all).
/// Line breaks and tab are allowed only in multi-line text. The one rule behind every form, API field and validator.
/// </summary>
public static class PlainText
{
    public static bool IsClean(string? value, bool multiline = false) => FindForbidden(value, multiline) < 0;

    /// <returns>The index of the first character refused, or -1.</returns>
    public static int FindForbidden(string? value, bool multiline = false)
    {
        if (value is null)
        {
            return -1;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (IsForbidden(c, multiline))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The text without the refused characters: what a screen shows again next to its message.</summary>
    public static string Clean(string value, bool multiline = false)
    {
        if (IsClean(value, multiline))
        {
            return value;
        }
        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                kept.Append(c).Append(value[++i]);
            }
            else if (!IsForbidden(c, multiline))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    private static bool IsForbidden(char c, bool multiline) => c switch
    {
        '\t' or '\n' or '\r' => !multiline,
        < '\u0020' => true,                        // C0 controls, NUL included
        >= '\u007F' and <= '\u009F' => true,       // DEL and the C1 controls
        >= '\u200B' and <= '\u200D' => true,       // zero-width space, non-joiner, joiner
        '\uFEFF' => true,                          // zero-width no-break space (a BOM inside text)
        >= '\u202A' and <= '\u202E' => true,       // bidirectional embeddings and overrides
        >= '\u2066' and <= '\u2069' => true,       // bidirectional isolates
        _ => char.IsSurrogate(c),                  // a surrogate not in a valid pair
    };
}
