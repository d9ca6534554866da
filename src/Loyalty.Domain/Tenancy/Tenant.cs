using Loyalty.Domain.Common;

namespace Loyalty.Domain.Tenancy;

/// <summary>A company that runs a loyalty program. The tenant is the unit of isolation of every other row.</summary>
public class Tenant : IAudited
{
    public const int NameMaxLength = 120;
    public const string DefaultTimeZone = "America/Sao_Paulo";

    private Tenant()
    {
        Code = string.Empty;
        Name = string.Empty;
        TimeZoneId = DefaultTimeZone;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }

    /// <summary>IANA zone in which business dates (points expiry, daily close) are counted.</summary>
    public string TimeZoneId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Tenant Create(string code, string name, string? timeZoneId, DateTimeOffset now)
    {
        var normalized = TenantCode.Normalize(code);
        if (!TenantCode.IsValid(normalized))
        {
            throw new DomainException("Tenant.CodeInvalid");
        }
        var zone = string.IsNullOrWhiteSpace(timeZoneId) ? DefaultTimeZone : timeZoneId.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new DomainException("Tenant.TimeZoneInvalid");
        }
        return new Tenant
        {
            Id = Guid.CreateVersion7(now),
            Code = normalized,
            Name = Guard.Text(name, NameMaxLength, "Tenant.NameRequired"),
            TimeZoneId = zone,
            CreatedAt = now,
        };
    }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The calendar date in the tenant's zone at the given instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);
}
