namespace Loyalty.Web.Infrastructure.Identity;

/// <summary>
/// One wrong password for an existing account, from one client address. Kept in PostgreSQL (not in memory) so that every
/// web server counts the same failures; rows older than <see cref="SignInLockout.Window"/> no longer count and are
/// removed as new failures of the same account arrive.
/// </summary>
public class SignInFailure
{
    public const int ClientAddressMaxLength = 45; // the longest textual IPv6 address

    public long Id { get; set; }

    /// <summary>The user's tenant; null for PlatformAdmins, like <see cref="StaffUser.TenantId"/>.</summary>
    public Guid? TenantId { get; set; }

    public Guid UserId { get; set; }
    public string ClientAddress { get; set; } = string.Empty;
    public DateTimeOffset FailedAt { get; set; }
}
