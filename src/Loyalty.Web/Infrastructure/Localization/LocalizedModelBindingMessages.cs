using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Infrastructure.Localization;

/// <summary>
/// Messages of model binding (a date that is not a date, a number that is not a number) in the user's language, next
/// to the field like every other validation message. Required fields are FluentValidation's job, so MVC's implicit
/// "required" for non-nullable strings is turned off.
/// </summary>
public sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => l["Validation.InvalidValue", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => l["Validation.InvalidValueShort"]);
        messages.SetValueIsInvalidAccessor(value => l["Validation.InvalidValue", value]);
        messages.SetValueMustBeANumberAccessor(_ => l["Validation.MustBeNumber"]);
        messages.SetValueMustNotBeNullAccessor(_ => l["Validation.Required"]);
        messages.SetMissingBindRequiredValueAccessor(_ => l["Validation.Required"]);
        messages.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.BodyRequired"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Validation.InvalidValue", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.InvalidValueShort"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.MustBeNumber"]);
    }
}
