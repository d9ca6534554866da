namespace Loyalty.Web.Infrastructure.Tenancy;

/// <summary>
/// Binds the request's tenant from the authenticated principal (staff cookie or API key). Runs after authentication;
/// requests without a tenant claim (anonymous pages, PlatformAdmin) reach only global rows.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        if (context.User.GetTenantId() is { } tenantId && tenant.TenantId is null)
        {
            tenant.Set(tenantId);
        }
        return next(context);
    }
}
