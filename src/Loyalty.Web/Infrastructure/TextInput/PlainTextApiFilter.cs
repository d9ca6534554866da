using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Infrastructure.TextInput;

/// <summary>
/// An API route or query value with a refused character (an identifier with NUL, say) is a 400 naming the parameter,
/// before the action runs: API actions do not all look at ModelState, and a cleaned identifier would answer for
/// something the caller did not send.
/// </summary>
public sealed class PlainTextApiFilter(IStringLocalizer<SharedResource> l) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (!context.HttpContext.Request.Path.StartsWithSegments("/api")
            || context.HttpContext.Items[PlainTextModelBinder.RefusedFieldsItem] is not List<string> refused)
        {
            return;
        }
        var errors = new ModelStateDictionary();
        foreach (var key in refused)
        {
            errors.AddModelError(key, l["Text.ForbiddenCharactersApi", key]);
        }
        context.Result = new BadRequestObjectResult(new ValidationProblemDetails(errors)
        {
            Title = l["Api.ValidationTitle"],
            Status = StatusCodes.Status400BadRequest,
        });
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
