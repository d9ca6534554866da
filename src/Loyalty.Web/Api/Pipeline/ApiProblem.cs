using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Api.Pipeline;

/// <summary>
/// Problem details for the answers the API pipeline gives itself — no key, a key of the wrong kind, an unknown path, a
/// wrong method, a body too large or not JSON, too many calls — so that every /api answer from 400 up has a body.
/// </summary>
public static class ApiProblem
{
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ReasonPhrases.GetReasonPhrase(status),
            Type = $"https://tools.ietf.org/html/rfc9110#status-{status}",
            Detail = detail,
        };
        // Written here rather than through IProblemDetailsService: for a controller that is not an [ApiController] MVC's
        // writer claims the answer and then writes nothing (the empty 401s and 403s), and the default writer stays
        // silent when the Accept header names no JSON. The API speaks JSON only. The app's customisation still applies.
        var options = context.RequestServices.GetService<IOptions<ProblemDetailsOptions>>()?.Value;
        options?.CustomizeProblemDetails?.Invoke(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        await context.Response.WriteAsJsonAsync(problem, options: null, contentType: ContentType, context.RequestAborted);
    }
}
