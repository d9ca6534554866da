using System.Text.RegularExpressions;

namespace Loyalty.Domain.Tenancy;

/// <summary>
/// The short code of a tenant: typed at sign-in, used in API paths, job ids and the embosser file name
/// (SPEC §11 reserves 10 characters for it), hence lower-case letters, digits and hyphens only.
/// </summary>
public static partial class TenantCode
{
    public const int MaxLength = 10;
    public const string Pattern = "^[a-z0-9][a-z0-9-]{1,9}$";

    public static string Normalize(string? code) => (code ?? string.Empty).Trim().ToLowerInvariant();

    // .NET's $ also matches before a final "\n"; Pattern stays portable (HTML, PostgreSQL), so the newline is refused here.
    public static bool IsValid(string? code) => code is not null && CodeRegex().IsMatch(code) && !code.EndsWith('\n');

    [GeneratedRegex(Pattern)]
    private static partial Regex CodeRegex();
}
