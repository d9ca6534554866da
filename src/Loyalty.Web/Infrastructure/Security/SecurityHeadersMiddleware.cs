namespace Loyalty.Web.Infrastructure.Security;

/// <summary>
/// Headers the framework does not add: a strict CSP (every script and style is served from wwwroot, none inline),
/// no MIME sniffing, no framing, and a referrer policy that keeps ids in URLs out of other sites' logs.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The jobs dashboard and the API reference are third-party pages with inline scripts and styles.
    private const string ToolPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            path.StartsWithSegments("/hangfire") || path.StartsWithSegments("/scalar") ? ToolPolicy : StrictPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
