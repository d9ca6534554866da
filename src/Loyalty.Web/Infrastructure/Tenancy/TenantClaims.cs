using System.Security.Claims;

namespace Loyalty.Web.Infrastructure.Tenancy;

public static class TenantClaims
{
    public const string TenantId = "loyalty:tenant_id";
    public const string TenantCode = "loyalty:tenant_code";
    public const string StoreId = "loyalty:store_id";
    public const string FullName = "loyalty:full_name";
    public const string ApiKeyId = "loyalty:api_key_id";

    public static Guid? GetTenantId(this ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(TenantId), out var id) ? id : null;

    public static IReadOnlyList<Guid> GetStoreIds(this ClaimsPrincipal principal) =>
        principal.FindAll(StoreId).Select(c => Guid.Parse(c.Value)).ToList();

    public static Guid? GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
