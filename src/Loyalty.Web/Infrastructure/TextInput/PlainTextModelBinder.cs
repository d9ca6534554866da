using Loyalty.Domain.Common;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Infrastructure.TextInput;

/// <summary>
/// Every text a form, a query string or a route brings goes through <see cref="PlainText"/> here, once for all
/// screens: a refused character is taken out of the value (it is invisible, so the form shown again would hide it
/// from the person who must remove it) and the field gets a message naming it. A screen that checks ModelState shows
/// the form again with that message; one that does not still never hands the character to the database. API actions
/// answer 400 through <see cref="PlainTextApiFilter"/>. Multi-line fields are the properties marked
/// <c>[DataType(DataType.MultilineText)]</c>, where line breaks and tab are text.
/// </summary>
public sealed class PlainTextModelBinder(IModelBinder inner) : IModelBinder
{
    public const string RefusedFieldsItem = "plain-text-refused";

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (!bindingContext.Result.IsModelSet || bindingContext.Result.Model is not string value)
        {
            return;
        }
        var multiline = bindingContext.ModelMetadata.DataTypeName == nameof(System.ComponentModel.DataAnnotations.DataType.MultilineText);
        var key = bindingContext.ModelName;
        var hadNul = bindingContext.HttpContext.Items[FormNulGuardMiddleware.FieldsItem] is List<string> nulFields && nulFields.Contains(key);
        if (PlainText.IsClean(value, multiline) && !hadNul)
        {
            return;
        }
        var cleaned = PlainText.Clean(value, multiline);
        bindingContext.Result = ModelBindingResult.Success(cleaned);
        bindingContext.ModelState.SetModelValue(key, cleaned, cleaned);
        var l = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var field = bindingContext.ModelMetadata.GetDisplayName();
        bindingContext.ModelState.TryAddModelError(key, l["Text.ForbiddenCharacters", field]);
        var refused = bindingContext.HttpContext.Items[RefusedFieldsItem] as List<string> ?? [];
        refused.Add(key);
        bindingContext.HttpContext.Items[RefusedFieldsItem] = refused;
    }
}

public sealed class PlainTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        // Bodies, headers and services have binders of their own (JSON bodies are read by PlainTextJsonConverter).
        var source = context.BindingInfo.BindingSource;
        if (context.Metadata.ModelType != typeof(string)
            || source is not null && source != BindingSource.ModelBinding && source != BindingSource.Form
                && source != BindingSource.Query && source != BindingSource.Path)
        {
            return null;
        }
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        return new PlainTextModelBinder(new SimpleTypeModelBinder(typeof(string), loggers));
    }
}
