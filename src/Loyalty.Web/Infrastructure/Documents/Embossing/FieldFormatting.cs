using System.Globalization;
using System.Text;

namespace Loyalty.Web.Infrastructure.Documents.Embossing;

/// <summary>Puts one value into its fixed-width slot, the way the field's kind and alignment say.</summary>
public static class FieldFormatting
{
    public static void Place(LayoutField field, object? value, Span<char> slot)
    {
        var text = field.Kind switch
        {
            FieldKind.Count => Count(field, value),
            FieldKind.Date => value is DateTime date ? date.ToString(field.Format, CultureInfo.InvariantCulture) : "",
            _ => EmbossText(value as string),
        };
        if (text.Length > slot.Length)
        {
            text = text[..slot.Length]; // cut, never shifting the next field
        }
        slot.Fill(field.Padding);
        var start = field.Alignment == FieldAlignment.Right ? slot.Length - text.Length : 0;
        text.AsSpan().CopyTo(slot[start..]);
    }

    /// <summary>
    /// What an embosser prints: upper case, accents removed (decomposed, marks dropped: "João" → "JOAO", "Ç" → "C"), and
    /// anything left outside printable ASCII (control characters, letters with no ASCII base) as a space.
    /// </summary>
    public static string EmbossText(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var decomposed = value.Trim().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c);
            result.Append(upper is >= ' ' and <= '~' ? upper : ' ');
        }
        return result.ToString();
    }

    // A count that does not fit would be read as another number: the batch is refused before the file is written.
    private static string Count(LayoutField field, object? value)
    {
        var number = Convert.ToInt64(value ?? 0, CultureInfo.InvariantCulture);
        var digits = number.ToString(CultureInfo.InvariantCulture);
        if (number < 0 || digits.Length > field.Width)
        {
            throw new InvalidOperationException($"{number} does not fit the {field.Width} digits of {field.Source}.");
        }
        return digits;
    }
}
