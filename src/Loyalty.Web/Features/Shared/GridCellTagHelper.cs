using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Loyalty.Web.Features.Shared;

/// <summary>
/// <c>&lt;grid-cell for="Rows[i].Points" label="…" /&gt;</c>: the input (or select) of one cell of an editable grid and
/// its validation message right under it. The column header is the visible label, so the input carries it as aria-label.
/// Like <see cref="FormRowTagHelper"/>, the typed value is always written back.
/// </summary>
[HtmlTargetElement("grid-cell", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GridCellTagHelper(IHtmlGenerator generator) : TagHelper
{
    public ModelExpression For { get; set; } = default!;

    /// <summary>text (default), date, time; a number property is a <see cref="NumberField"/> whatever is given.</summary>
    public string Type { get; set; } = "text";

    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The first option of a select, e.g. "all stores"; it posts an empty value.</summary>
    public string? OptionLabel { get; set; }

    public string? Label { get; set; }

    /// <summary>The id of a datalist offering suggestions.</summary>
    public string? List { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var state) && state.Errors.Count > 0;
        var attributes = new Dictionary<string, object>
        {
            ["class"] = (Items is null ? "form-control form-control-sm" : "form-select form-select-sm") + (hasError ? " is-invalid" : string.Empty),
            ["aria-describedby"] = $"{id}-feedback",
        };
        if (Label is not null)
        {
            attributes["aria-label"] = Label;
        }
        if (hasError)
        {
            attributes["aria-invalid"] = "true";
        }
        if (List is not null)
        {
            attributes["list"] = List;
            attributes["autocomplete"] = "off";
        }
        TagBuilder input;
        if (Items is not null)
        {
            input = generator.GenerateSelect(ViewContext, For.ModelExplorer, OptionLabel, name, Items, allowMultiple: false, attributes);
        }
        else
        {
            (attributes["type"], var format) = Type switch
            {
                "date" => ("date", "{0:yyyy-MM-dd}"),
                "time" => ("time", "{0:HH:mm}"),
                _ => ("text", (string?)null),
            };
            input = NumberField.Is(For)
                ? NumberField.Generate(generator, ViewContext, For, name, attributes)
                : generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format, attributes);
        }
        var feedback = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, message: null, tag: "div",
            htmlAttributes: new { @class = "invalid-feedback d-block", id = $"{id}-feedback" });
        output.TagName = null;
        output.Content.AppendHtml(input).AppendHtml(feedback);
    }
}
