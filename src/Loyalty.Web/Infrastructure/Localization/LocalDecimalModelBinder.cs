using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Loyalty.Web.Infrastructure.Localization;

/// <summary>
/// Binds a <c>decimal?</c> form field typed in the user's language (<see cref="LocalNumber"/>); an empty field is null,
/// a value it cannot read keeps MVC's "not a valid value" message next to the field.
/// Put <see cref="LocalDecimalAttribute"/> on the property.
/// </summary>
public sealed class LocalDecimalModelBinder : IModelBinder
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
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else if (LocalNumber.TryParse(text, result.Culture, out var value))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            var metadata = bindingContext.ModelMetadata;
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, metadata.DisplayName ?? metadata.Name ?? string.Empty));
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// <c>[LocalDecimal]</c>: binds the property with <see cref="LocalDecimalModelBinder"/>. A plain <c>[ModelBinder]</c>
/// would mark the value's source as custom, and the form's values would not reach the binder.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class LocalDecimalAttribute : ModelBinderAttribute
{
    public LocalDecimalAttribute()
        : base(typeof(LocalDecimalModelBinder)) => BindingSource = BindingSource.ModelBinding;
}
