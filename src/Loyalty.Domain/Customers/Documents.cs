namespace Loyalty.Domain.Customers;

internal static class Documents
{
    /// <summary>Removes the punctuation people type (dots, dashes, slashes, spaces); null when anything else remains odd.</summary>
    public static string? Strip(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var kept = input.Where(c => c is not ('.' or '-' or '/' or ' ')).ToArray();
        return kept.All(char.IsAsciiLetterOrDigit) ? new string(kept) : null;
    }

    public static bool AllSame(string value) => value.All(c => c == value[0]);
}
