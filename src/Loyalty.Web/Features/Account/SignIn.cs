using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Account;

/// <summary>
/// Sign-in with company code, e-mail and password (PlatformAdmins leave the company empty). The answer reveals nothing
/// about who exists: an unknown company, an unknown e-mail, a wrong password and a locked account get the same message,
/// and the first two still verify the typed password (against a dummy hash) so they take as long as the others.
/// Failures count per account and client address (<see cref="SignInLockout"/>).
/// </summary>
public static class SignIn
{
    public sealed class Form
    {
        [Display(Name = "SignIn.Tenant")]
        public string? TenantCode { get; set; }

        [Display(Name = "SignIn.Email")]
        public string Email { get; set; } = string.Empty;

        [Display(Name = "SignIn.Password")]
        public string Password { get; set; } = string.Empty;

        public string? ReturnUrl { get; set; }
    }

    /// <summary>Null when refused; why is deliberately not said.</summary>
    public sealed record Result(StaffUser? User)
    {
        public bool Succeeded => User is not null;
    }

    public sealed class Handler(
        LoyaltyDbContext db,
        TenantContext tenant,
        UserManager<StaffUser> users,
        SignInManager<StaffUser> signIn,
        SignInLockout lockout,
        UnknownAccountPassword unknownAccount)
    {
        private static readonly Result Refused = new((StaffUser?)null);

        public async Task<Result> HandleAsync(Form form, string clientAddress, CancellationToken cancellationToken)
        {
            var password = form.Password ?? string.Empty;
            var user = await FindAsync(form, cancellationToken);
            if (user is null)
            {
                unknownAccount.Verify(users.PasswordHasher, password);
                return Refused;
            }
            var locked = await lockout.IsLockedAsync(user, clientAddress, cancellationToken);
            // Verified even when locked, so a locked account answers as slowly as an open one.
            var passwordMatches = await users.CheckPasswordAsync(user, password);
            if (locked)
            {
                return Refused;
            }
            if (!passwordMatches)
            {
                await lockout.RecordFailureAsync(user, clientAddress, cancellationToken);
                return Refused;
            }
            if (!await signIn.CanSignInAsync(user))
            {
                return Refused; // inactive: not a guess, so not counted
            }
            await lockout.ClearAsync(user, clientAddress, cancellationToken);
            await signIn.SignInAsync(user, isPersistent: false);
            return new Result(user);
        }

        private async Task<StaffUser?> FindAsync(Form form, CancellationToken cancellationToken)
        {
            var code = TenantCode.Normalize(form.TenantCode);
            if (code.Length > 0)
            {
                var tenantId = await db.Tenants.Where(t => t.Code == code).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
                if (tenantId is null)
                {
                    return null;
                }
                tenant.Set(tenantId.Value);
            }
            return await users.FindByNameAsync(StaffUser.LoginName(code, form.Email ?? string.Empty));
        }
    }
}
