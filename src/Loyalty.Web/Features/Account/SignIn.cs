using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Account;

/// <summary>
/// Sign-in with company code, e-mail and password (PlatformAdmins leave the company empty). Every failure for an
/// existing account counts towards its lockout, and an unknown company, an unknown e-mail and a wrong password all get
/// the same answer, so the form reveals nothing about who exists.
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

    public enum Outcome
    {
        SignedIn,
        Invalid,
        LockedOut,
    }

    public sealed record Result(Outcome Outcome, StaffUser? User);

    public sealed class Handler(
        LoyaltyDbContext db, TenantContext tenant, UserManager<StaffUser> users, SignInManager<StaffUser> signIn)
    {
        public async Task<Result> HandleAsync(Form form, CancellationToken cancellationToken)
        {
            var code = TenantCode.Normalize(form.TenantCode);
            if (code.Length > 0)
            {
                var tenantId = await db.Tenants.Where(t => t.Code == code).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
                if (tenantId is null)
                {
                    return new Result(Outcome.Invalid, null);
                }
                tenant.Set(tenantId.Value);
            }
            var user = await users.FindByNameAsync(StaffUser.LoginName(code, form.Email ?? string.Empty));
            if (user is null)
            {
                return new Result(Outcome.Invalid, null);
            }
            var result = await signIn.PasswordSignInAsync(user, form.Password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
            return result switch
            {
                { Succeeded: true } => new Result(Outcome.SignedIn, user),
                { IsLockedOut: true } => new Result(Outcome.LockedOut, null),
                _ => new Result(Outcome.Invalid, null),
            };
        }
    }
}
