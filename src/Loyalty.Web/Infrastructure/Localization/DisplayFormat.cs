using System.Globalization;
using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Infrastructure.Localization;

/// <summary>
/// How the product writes dates, money and instants on screen (SPEC §1): dd/MM/yyyy, R$ 1.234,56 and the tenant's time
/// zone, whatever the user's language — these are Brazilian business documents read in three languages.
/// </summary>
public sealed class DisplayFormat(TenantContext tenant, TenantTimeZones zones)
{
    private static readonly CultureInfo Brazil = CultureInfo.GetCultureInfo("pt-BR");
    private TimeZoneInfo? _zone;

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("C2", Brazil).Replace('\u00a0', ' ');

    public static string Number(long value) => value.ToString("N0", Brazil);

    /// <summary>An instant as the tenant's local date and time; UTC where there is no tenant (platform pages).</summary>
    public string DateTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    // The tenant's zone from its own small cache: no query per page, and never the earning rules' load.
    private TimeZoneInfo Zone => _zone ??= tenant.TenantId is { } tenantId ? zones.For(tenantId) : TimeZoneInfo.Utc;
}
