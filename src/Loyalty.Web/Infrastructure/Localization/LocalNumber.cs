using System.Globalization;

namespace Loyalty.Web.Infrastructure.Localization;

/// <summary>
/// A number as people type it in their language: "1.234,56", "10,5" or "R$ 82,99" in pt-BR ("1,234.56" in es-MX and
/// en-US). The group separator counts only where it groups thousands; a lone one that cannot be a group ("10.5" in
/// pt-BR) is the phone keypad's decimal point, never a silent 105. The same reading is in wwwroot/js/purchase-form.js.
/// </summary>
public static class LocalNumber
{
    public static bool TryParse(string? text, CultureInfo culture, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var format = culture.NumberFormat;
        var plain = text.Replace(format.CurrencySymbol, string.Empty, StringComparison.Ordinal).Replace("R$", string.Empty, StringComparison.Ordinal);
        plain = string.Concat(plain.Where(c => !char.IsWhiteSpace(c)));
        var negative = plain.StartsWith('-');
        var digits = negative ? plain[1..] : plain;
        var point = format.NumberDecimalSeparator;
        var group = format.NumberGroupSeparator;
        string whole;
        string fraction;
        var at = digits.IndexOf(point, StringComparison.Ordinal);
        var groups = digits.Split(group);
        if (at >= 0)
        {
            (whole, fraction) = (digits[..at], digits[(at + point.Length)..]);
        }
        else if (groups.Length == 1 || Grouped(digits, group))
        {
            (whole, fraction) = (digits, string.Empty);
        }
        else if (groups.Length == 2)
        {
            (whole, fraction) = (groups[0], groups[1]);
        }
        else
        {
            return false;
        }
        if (whole.Contains(group, StringComparison.Ordinal))
        {
            if (!Grouped(whole, group))
            {
                return false;
            }
            whole = whole.Replace(group, string.Empty, StringComparison.Ordinal);
        }
        if ((whole.Length == 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }
        var invariant = (negative ? "-" : string.Empty) + (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? string.Empty : "." + fraction);
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// A number as an input shows it to be edited, in the reader's language and with its groups ("1.200", "1.234,56"
    /// in pt-BR; "1,200" in en-US), so that saving the form unchanged reads back the same value.
    /// </summary>
    public static string Format(object? value, CultureInfo culture) => value switch
    {
        null => string.Empty,
        decimal d => d.ToString("N" + d.Scale, culture),
        double d => d.ToString("#,0.##########", culture),
        IFormattable whole => whole.ToString("N0", culture),
        _ => Convert.ToString(value, culture) ?? string.Empty,
    };

    /// <summary>The phone keyboard for a number: digits only for whole numbers, with the decimal separator otherwise.</summary>
    public static string InputMode(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(decimal) || type == typeof(double) ? "decimal" : "numeric";
    }

    /// <summary>"1.234.567": a first group of one to three digits, then groups of exactly three.</summary>
    private static bool Grouped(string digits, string group)
    {
        var parts = digits.Split(group);
        return parts.Length > 1 && parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }
}
