namespace Loyalty.Web.Infrastructure.Security;

/// <summary>
/// Answers that carry personal data must not be kept by browsers or proxies (SPEC §12): every API answer (customers,
/// balances, statements, receipts of purchases) and every download (statements, receipts, import reports — anything sent
/// with a Content-Disposition). Decided here, as the answer starts, so no action or file result can forget it.
/// </summary>
public sealed class NoStoreMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var isApi = context.Request.Path.StartsWithSegments("/api");
        context.Response.OnStarting(static state =>
        {
            var (response, isApi) = ((HttpResponse, bool))state;
            if (isApi || response.Headers.ContentDisposition.Count > 0)
            {
                response.Headers.CacheControl = "no-store";
                response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        }, (context.Response, isApi));
        return next(context);
    }
}
