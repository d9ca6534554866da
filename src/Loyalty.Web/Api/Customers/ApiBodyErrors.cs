using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Api.Customers;

/// <summary>A body that did not parse: the serializer's messages (English, with .NET type names) become ours, under
/// the request's field name; a body that is not JSON at all, or none, gets one message for the whole body.</summary>
public static class ApiBodyErrors
{
    public static ModelStateDictionary Of(ModelStateDictionary modelState, IStringLocalizer<SharedResource> l)
    {
        var errors = new ModelStateDictionary();
        var notJson = false;
        foreach (var (key, entry) in modelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }
            if (key.StartsWith('$') && ApiFieldNames.OfJsonPath(key) is { Length: > 0 } field)
            {
                var withoutOffset = entry.Errors.Any(e => e.ErrorMessage == OffsetRequiredConverter.Message);
                errors.AddModelError(field, l[withoutOffset ? "Api.DateTimeOffsetRequired" : "Validation.InvalidValueShort"]);
            }
            else
            {
                notJson |= key.StartsWith('$');
            }
        }
        if (errors.ErrorCount == 0)
        {
            errors.AddModelError(string.Empty, l[notJson ? "Api.InvalidJson" : "Validation.BodyRequired"]);
        }
        return errors;
    }
}
