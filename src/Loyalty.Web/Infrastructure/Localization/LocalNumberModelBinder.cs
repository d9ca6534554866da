using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Infrastructure.Localization;

/// <summary>
/// Binds every number a form or a query brings (points, quantities, money, percentages, limits) as people type it in
/// their language (<see cref="LocalNumber"/>): "1.200" is 1200 in pt-BR, "1,200" in es-MX and en-US. An empty field is
/// null; text it cannot read, or a fraction where a whole number is asked, gets a message next to the field and the
/// typed text stays in the field.
/// </summary>
public sealed class LocalNumberModelBinder(Type numberType) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // A non-nullable number left empty keeps its default; "required" is the validators' job.
            bindingContext.Result = ModelBindingResult.Success(bindingContext.ModelMetadata.IsReferenceOrNullableType ? null : Activator.CreateInstance(numberType));
            return Task.CompletedTask;
        }
        var culture = result.Culture;
        var l = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        // The example is written the way this language types numbers, so the message shows what would be accepted.
        var example = IsWhole(numberType) ? 1200m.ToString("N0", culture) : 1234.56m.ToString("N2", culture);
        object? number = null;
        var error = !LocalNumber.TryParse(text, culture, out var value) ? l["Validation.NotANumber", text, example]
            : IsWhole(numberType) && decimal.Truncate(value) != value ? l["Validation.NotAWholeNumber", text, example]
            : !TryConvert(value, out number) ? l["Validation.NumberOutOfRange", text]
            : null;
        if (error is null)
        {
            bindingContext.Result = ModelBindingResult.Success(number);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, error);
        }
        return Task.CompletedTask;
    }

    private bool TryConvert(decimal value, out object? number)
    {
        number = null;
        try
        {
            number = Convert.ChangeType(value, numberType, CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static bool IsWhole(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(short);

    public static bool IsNumber(Type type) => IsWhole(type) || type == typeof(decimal) || type == typeof(double);
}

/// <summary>Puts <see cref="LocalNumberModelBinder"/> under every number of a form, a query or a route.</summary>
public sealed class LocalNumberModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        var source = context.BindingInfo.BindingSource;
        if (!LocalNumberModelBinder.IsNumber(type) || context.BindingInfo.BinderType is not null
            || source is not null && source != BindingSource.ModelBinding && source != BindingSource.Form
                && source != BindingSource.Query && source != BindingSource.Path)
        {
            return null;
        }
        return new LocalNumberModelBinder(type);
    }
}
