namespace Loyalty.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, int maxLength, string code)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > maxLength)
        {
            throw new DomainException(code);
        }
        return trimmed;
    }
}
