using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Users;

/// <summary>The TenantAdmin lets a locked-out user in again, from every address (the unlock is in the audit log).</summary>
public static class UnlockUser
{
    public sealed class Handler(LoyaltyDbContext db, UserManager<StaffUser> users, SignInLockout lockout)
    {
        /// <returns>False when no such user exists in the tenant.</returns>
        public async Task<bool> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null)
            {
                return false;
            }
            await lockout.UnlockAsync(user, cancellationToken);
            // Identity's own lock is no longer set by sign-in, but a row locked before this version may still carry one.
            if (user.LockoutEnd is not null)
            {
                await users.SetLockoutEndDateAsync(user, null);
            }
            return true;
        }
    }
}
