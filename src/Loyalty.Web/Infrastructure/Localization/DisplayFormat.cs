using System.Globalization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Infrastructure.Localization;

/// <summary>
/// How the product writes dates, money and instants on screen (SPEC §1): dd/MM/yyyy, R$ 1.234,56 and the tenant's time
/// zone, whatever the user's language — these are Brazilian business documents read in three languages.
/// </summary>
public sealed class DisplayFormat(LoyaltyDbContext db)
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

    private TimeZoneInfo Zone => _zone ??= LoadZone();

    private TimeZoneInfo LoadZone()
    {
        if (db.Tenant.TenantId is not { } tenantId)
        {
            return TimeZoneInfo.Utc;
        }
        var id = db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZoneId).Single();
        return TimeZoneInfo.FindSystemTimeZoneById(id);
    }
}
