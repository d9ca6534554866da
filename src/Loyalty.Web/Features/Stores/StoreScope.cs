using System.Security.Claims;
using Loyalty.Domain.Staff;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Tenancy;

namespace Loyalty.Web.Features.Stores;

/// <summary>
/// Which stores the signed-in user may see: StoreManagers and Cashiers their assigned stores, everyone else of the
/// tenant all of them. A store outside the scope is treated exactly like one that does not exist (404).
/// </summary>
public sealed class StoreScope(IHttpContextAccessor http)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsRestricted =>
        Enum.TryParse<StaffRole>(User.FindFirstValue(ClaimTypes.Role), out var role) && role.IsStoreScoped()
        || User.HasClaim(c => c.Type == TenantClaims.ApiKeyId) && User.HasClaim(c => c.Type == TenantClaims.StoreId);

    public IReadOnlyList<Guid> StoreIds => User.GetStoreIds();

    public IQueryable<Store> Apply(IQueryable<Store> stores)
    {
        if (!IsRestricted)
        {
            return stores;
        }
        var ids = StoreIds;
        return stores.Where(s => ids.Contains(s.Id));
    }

    public bool Allows(Guid storeId) => !IsRestricted || StoreIds.Contains(storeId);
}
