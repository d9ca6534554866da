using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

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
        var service = context.RequestServices.GetService<IProblemDetailsService>();
        if (service is not null && await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            return;
        }
        // The problem details service writes only when the Accept header allows JSON; a POS that sends Accept: text/html
        // or application/xml got an empty 401. The API speaks nothing but JSON, so it answers JSON anyway.
        problem.Extensions["traceId"] = context.TraceIdentifier;
        await context.Response.WriteAsJsonAsync(problem, options: null, contentType: ContentType, context.RequestAborted);
    }
}
