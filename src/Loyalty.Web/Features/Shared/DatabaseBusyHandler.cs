using System.Globalization;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Shared;

/// <summary>
/// The database is out of connections (<see cref="DatabaseBusy"/>): 503 with Retry-After instead of 500 — problem
/// details for the API, the friendly error page for the screens. Answered here rather than by re-executing /erro: that
/// would run authentication again, whose session lookup needs the very connection that was missing.
/// </summary>
public sealed class DatabaseBusyHandler(IStringLocalizer<SharedResource> l, IProblemDetailsService problems, ILogger<DatabaseBusyHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (!DatabaseBusy.Is(exception))
        {
            return false;
        }
        logger.LogWarning("Database busy, answered 503: {Reason}", exception.GetBaseException().Message);
        // The request's language was chosen further in, and that choice does not flow back out with the exception.
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        // The middleware has already pointed the request at /erro; the failed request's own path says who asked.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        if (new PathString(path).StartsWithSegments("/api"))
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Detail = l["Error.Unavailable"] },
            });
        }
        var view = new ViewResult
        {
            ViewName = "~/Features/Home/Error.cshtml",
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary<int>(new EmptyModelMetadataProvider(), new ModelStateDictionary())
            {
                Model = StatusCodes.Status503ServiceUnavailable,
            },
        };
        await view.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        return true;
    }
}
