using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.TextInput;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Api.Customers;

/// <summary>A body that did not parse: the serializer's messages (English, with .NET type names) become ours, under
/// the request's field name (a text with a character <see cref="Domain.Common.PlainText"/> refuses says so); a body
/// that is not JSON at all, or none, gets one message for the whole body.</summary>
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
                errors.AddModelError(field, MessageFor(entry, field, l));
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

    private static string MessageFor(ModelStateEntry entry, string field, IStringLocalizer<SharedResource> l) =>
        entry.Errors.Any(RefusedText) ? l["Text.ForbiddenCharactersApi", field]
        : entry.Errors.Any(e => e.ErrorMessage == OffsetRequiredConverter.Message) ? l["Api.DateTimeOffsetRequired"]
        : l["Validation.InvalidValueShort"];

    private static bool RefusedText(ModelError error) =>
        error.ErrorMessage.Contains(PlainTextJsonConverter.RefusedMessage, StringComparison.Ordinal)
        || error.Exception?.Message.Contains(PlainTextJsonConverter.RefusedMessage, StringComparison.Ordinal) == true;
}
