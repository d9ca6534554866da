using System.Text.RegularExpressions;

namespace Loyalty.Web.Infrastructure.Observability;

/// <summary>
/// Masks CPFs, CNPJs (numeric and alphanumeric) and card numbers in text bound for the logs, keeping only the last
/// digits an operator needs to tell two records apart.
/// </summary>
public static partial class SensitiveDataMasking
{
    public static string Mask(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var masked = FormattedCnpj().Replace(text, m => Keep(m.Value, 2));
        masked = FormattedCpf().Replace(masked, m => Keep(m.Value, 2));
        masked = AlphanumericCnpj().Replace(masked, m => Keep(m.Value, 2));
        return DigitRun().Replace(masked, m => Keep(m.Value, 4));
    }

    private static string Keep(string value, int visible) =>
        new string('*', Math.Max(0, value.Length - visible)) + value[^visible..];

    // The slash may arrive URL-escaped: GET /api/v1/customers/{identifier} takes a punctuated CNPJ with %2F.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-Za-z]{2}\.[0-9A-Za-z]{3}\.[0-9A-Za-z]{3}(?:/|%2[Ff])[0-9A-Za-z]{4}-\d{2}(?![0-9A-Za-z])")]
    private static partial Regex FormattedCnpj();

    [GeneratedRegex(@"(?<!\d)\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)")]
    private static partial Regex FormattedCpf();

    // 12 letters/digits with at least one letter, then two check digits: an unpunctuated alphanumeric CNPJ, in either
    // case (the API accepts it typed in lower case, and the path is logged as typed).
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?=[0-9A-Za-z]{0,11}[A-Za-z])[0-9A-Za-z]{12}\d{2}(?![0-9A-Za-z])")]
    private static partial Regex AlphanumericCnpj();

    // Unpunctuated CPF (11), CNPJ (14) and card numbers (13-19): any run of 11 or more digits that is not part of a
    // hexadecimal id (correlation ids, GUIDs in paths), which ~6 % of random correlation ids would otherwise lose.
    [GeneratedRegex(@"(?<![0-9A-Za-z-])\d{11,19}(?![0-9A-Za-z])")]
    private static partial Regex DigitRun();
}
