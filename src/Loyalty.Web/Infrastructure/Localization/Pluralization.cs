using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Infrastructure.Localization;

/// <summary>
/// Counts as people write them: "1 compra", "2 compras" — never "compra(s)". A counted text has two resources,
/// <c>Key.One</c> and <c>Key.Other</c>, and receives the count as {0}, written as the screens write numbers (1.200).
/// </summary>
public static class Pluralization
{
    /// <summary>Singular for exactly one in all three languages. CLDR also puts 0 in Portuguese's "one", but Brazilian
    /// screens and receipts write "0 pontos", as Spanish and English do.</summary>
    public static string Form(long count) => count is 1 or -1 ? "One" : "Other";

    /// <summary>Rates and averages: "1 ponto por R$", "1,5 pontos por R$".</summary>
    public static string Form(decimal count) => count is 1m or -1m ? "One" : "Other";

    public static string Key(string key, long count) => $"{key}.{Form(count)}";

    public static string Key(string key, decimal count) => $"{key}.{Form(count)}";

    /// <summary><c>L.Plural("Count.Points", 1)</c> is "1 ponto"; further arguments become {1}, {2}…</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object[] more) =>
        localizer[Key(key, count), [DisplayFormat.Number(count), .. more]];
}
