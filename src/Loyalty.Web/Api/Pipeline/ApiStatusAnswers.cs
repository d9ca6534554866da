namespace Loyalty.Web.Api.Pipeline;

/// <summary>
/// What /api answers when no controller does (SPEC §12): 404, 405 (with Allow), 415 and 429 as problem details, and a
/// body over the size limit as 413 instead of the exception page's 500. The screens keep their friendly error pages.
/// </summary>
public static class ApiStatusAnswers
{
    public const string PathPrefix = "/api";

    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments(PathPrefix);

    public static IApplicationBuilder UseApiStatusAnswers(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.IsApi(), api =>
        {
            // Bare status codes: routing's 404/405/415 endpoints, the rate limiter's 429, a challenge written by another
            // handler. 405's Allow header is already set by routing.
            api.UseStatusCodePages(c => ApiProblem.WriteAsync(c.HttpContext, c.HttpContext.Response.StatusCode));
            api.UseMiddleware<RequestBodyLimitMiddleware>();
        });
}

/// <summary>
/// Kestrel enforces the body size limits (<see cref="Infrastructure.LoyaltyApp.MaxApiRequestBodyBytes"/> on API
/// endpoints, the server-wide <see cref="Infrastructure.LoyaltyApp.MaxRequestBodyBytes"/>) by throwing
/// <see cref="BadHttpRequestException"/> while model binding reads the body; MVC lets it through, so unhandled it
/// became a 500. It carries the status it means (413, or 400 for a malformed or truncated body).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await ApiProblem.WriteAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"The request body is larger than this endpoint accepts ({Limit(context)})."
                : "The request body could not be read.");
        }
    }

    private static string Limit(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } bytes
            ? $"{bytes / 1024} KiB"
            : "the server's limit";
}
