using System.Globalization;

namespace Loyalty.Web.Infrastructure.Localization;

public static class SupportedCultures
{
    public const string Default = "pt-BR";
    public static readonly string[] All = ["pt-BR", "es-MX", "en-US"];

    public static bool IsSupported(string? culture) => culture is not null && All.Contains(culture);

    public static CultureInfo[] Infos => [.. All.Select(CultureInfo.GetCultureInfo)];
}
