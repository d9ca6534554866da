using Loyalty.Web.Api.OpenApi;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Security;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Api;

/// <summary>
/// Lets an integrator check a key before wiring it into a POS: which tenant and store it speaks for. Answers 401 for a
/// missing, unknown or revoked key.
/// </summary>
[ApiController]
[Route("api/v1/me")]
[Authorize(Policy = ApiKeyAuthenticationHandler.AnyKeyPolicy)]
[EnableRateLimiting(RateLimits.Api)]
[RequestSizeLimit(Infrastructure.LoyaltyApp.MaxApiRequestBodyBytes)]
[Tags(DocumentInfoTransformer.KeysTag)]
public sealed class WhoAmIController(LoyaltyDbContext db) : ControllerBase
{
    public const string StoreKeyKind = "store";
    public const string TenantKeyKind = "tenant";

    public sealed record KeyInfo(string Tenant, string TenantName, string? Store, string? StoreName, string KeyName, string KeyKind);

    [HttpGet]
    [EndpointName("whoAmI")]
    [EndpointSummary("Which tenant and store a key speaks for")]
    [ProducesResponseType<KeyInfo>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<KeyInfo> Get(CancellationToken cancellationToken)
    {
        var keyId = Guid.Parse(User.FindFirst(TenantClaims.ApiKeyId)!.Value);
        var key = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == keyId, cancellationToken);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == key.TenantId, cancellationToken);
        var store = key.StoreId is null ? null
            : await db.Stores.AsNoTracking().SingleAsync(s => s.Id == key.StoreId, cancellationToken);
        return new KeyInfo(tenant.Code, tenant.Name, store?.Code, store?.Name, key.Name, store is null ? TenantKeyKind : StoreKeyKind);
    }
}
