using System.Security.Claims;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Infrastructure.Identity;

/// <summary>Puts into the cookie what every request needs without a query: role, tenant, assigned stores and name.</summary>
public sealed class StaffClaimsFactory(
    UserManager<StaffUser> users, IOptions<IdentityOptions> options, LoyaltyDbContext db)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(TenantClaims.FullName, user.FullName));
        if (user.TenantId is { } tenantId)
        {
            var code = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Code).SingleAsync();
            identity.AddClaim(new Claim(TenantClaims.TenantId, tenantId.ToString()));
            identity.AddClaim(new Claim(TenantClaims.TenantCode, code));
            var storeIds = await db.StaffUserStores.Where(s => s.UserId == user.Id).Select(s => s.StoreId).ToListAsync();
            identity.AddClaims(storeIds.Select(id => new Claim(TenantClaims.StoreId, id.ToString())));
        }
        return identity;
    }
}

/// <summary>Inactive users cannot sign in, whatever their password.</summary>
public sealed class ActiveStaffConfirmation : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(user.IsActive);
}
