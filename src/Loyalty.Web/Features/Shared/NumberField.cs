using System.Globalization;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Loyalty.Web.Features.Shared;

/// <summary>
/// The input of a number property (points, quantities, money, percentages, limits): a text input with the phone's
/// numeric keyboard, showing the value in the reader's language ("1.200", "1.234,56" in pt-BR) — what the screens show
/// and what <see cref="LocalNumberModelBinder"/> reads back. After a failed post it shows the text as typed.
/// </summary>
public static class NumberField
{
    public static bool Is(ModelExpression field) =>
        LocalNumberModelBinder.IsNumber(Nullable.GetUnderlyingType(field.Metadata.ModelType) ?? field.Metadata.ModelType);

    public static TagBuilder Generate(IHtmlGenerator generator, ViewContext view, ModelExpression field, string name,
        Dictionary<string, object> attributes)
    {
        attributes["type"] = "text";
        attributes.TryAdd("inputmode", LocalNumber.InputMode(field.Metadata.ModelType));
        attributes["autocomplete"] = "off";
        var shown = LocalNumber.Format(field.Model, CultureInfo.CurrentCulture);
        return generator.GenerateTextBox(view, field.ModelExplorer, name, shown, format: null, attributes);
    }
}
