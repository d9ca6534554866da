using Loyalty.Domain.Common;
using Loyalty.Domain.Staff;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;

namespace Loyalty.Web.Infrastructure.Identity;

/// <summary>
/// A person who signs in. Tenant users carry their tenant; PlatformAdmins have none. The user name Identity sees is
/// "tenantcode/e-mail", so the same e-mail may exist in two tenants without either learning of the other.
/// </summary>
public class StaffUser : IdentityUser<Guid>, IAudited
{
    public const int FullNameMaxLength = 120;

    public Guid? TenantId { get; set; }
    public string FullName { get; set; } = string.Empty;
    public StaffRole Role { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>pt-BR, es-MX or en-US; chosen by the user in the language menu.</summary>
    public string Culture { get; set; } = SupportedCultures.Default;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Alçada: the largest credit limit this user may grant by hand (SPEC §8); null grants nothing.</summary>
    public decimal? ApprovalAuthority { get; set; }

    public List<StaffUserStore> Stores { get; set; } = [];

    public static string LoginName(string? tenantCode, string email) =>
        string.IsNullOrEmpty(tenantCode) ? email.Trim() : $"{tenantCode.Trim()}/{email.Trim()}";
}

/// <summary>The stores a StoreManager or Cashier works in.</summary>
public class StaffUserStore : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid UserId { get; set; }
    public Guid StoreId { get; set; }
}
