using Loyalty.Domain.Common;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Shared;

/// <summary>
/// A broken business rule that a screen did not handle itself (typically a button such as "inactivate") goes back to
/// the page it came from with the rule's message; the API answers 422 problem details. Forms catch their own rule
/// violations so that the message sits next to the field.
/// </summary>
public sealed class DomainExceptionFilter(IStringLocalizer<SharedResource> localizer, ITempDataDictionaryFactory tempData)
    : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not DomainException domain)
        {
            return;
        }
        var message = localizer[domain.Code, domain.Arguments].Value;
        if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            context.Result = new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = message,
                Type = "https://loyalty.example/problems/" + domain.Code,
            }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
        }
        else
        {
            tempData.GetTempData(context.HttpContext)[Flash.Error] = message;
            var back = context.HttpContext.Request.Headers.Referer.ToString();
            context.Result = new LocalRedirectResult(Uri.TryCreate(back, UriKind.Absolute, out var uri) ? uri.PathAndQuery : "/");
        }
        context.ExceptionHandled = true;
    }
}

public static class Flash
{
    public const string Success = "flash.success";
    public const string Error = "flash.error";
}
