using System.Globalization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>Rates and percentages on campaign screens, written the Brazilian way like money and dates (DisplayFormat).</summary>
public static class CampaignFormat
{
    private static readonly CultureInfo Brazil = CultureInfo.GetCultureInfo("pt-BR");

    public static string Rate(decimal value) => value.ToString("#,0.###", Brazil);

    public static string Percent(decimal value) => value.ToString("0.##", Brazil) + " %";

    public static string Time(TimeOnly? value) => value?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? string.Empty;
}
