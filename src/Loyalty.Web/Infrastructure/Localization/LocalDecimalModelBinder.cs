using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Loyalty.Web.Infrastructure.Localization;

/// <summary>
/// <c>[LocalDecimal]</c>: says on a property that it is typed the way people write numbers. Every number of a form is
/// bound so already (<see cref="LocalNumberModelBinderProvider"/>); the attribute names the same binder. A plain
/// <c>[ModelBinder]</c> would mark the value's source as custom, and the form's values would not reach the binder.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class LocalDecimalAttribute : ModelBinderAttribute
{
    public LocalDecimalAttribute()
        : base(typeof(LocalDecimalModelBinder)) => BindingSource = BindingSource.ModelBinding;
}

public sealed class LocalDecimalModelBinder : IModelBinder
{
    private readonly LocalNumberModelBinder _inner = new(typeof(decimal));

    public Task BindModelAsync(ModelBindingContext bindingContext) => _inner.BindModelAsync(bindingContext);
}
