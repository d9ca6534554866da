using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Shared;

/// <summary>
/// <c>&lt;form-row for="Name" /&gt;</c>: the label (with a real <c>for</c>), the input or select, and the field's
/// validation message right under it, in one consistent block. The typed value is always written back, so a failed
/// submit loses nothing (passwords excepted, by design).
/// </summary>
[HtmlTargetElement("form-row", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormRowTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResource> l) : TagHelper
{
    public ModelExpression For { get; set; } = default!;

    /// <summary>
    /// text (default), email, password, number, date, checkbox, textarea. A number property is always a text input
    /// written in the reader's language (<see cref="NumberField"/>): a browser's number input refuses "1.200".
    /// </summary>
    public string Type { get; set; } = "text";

    public IEnumerable<SelectListItem>? Items { get; set; }
    public string? Help { get; set; }
    public string? Autocomplete { get; set; }
    public bool Autofocus { get; set; }

    /// <summary>The phone keyboard a text field wants: <c>decimal</c> for money and quantities, <c>numeric</c> for digits.</summary>
    public string? Inputmode { get; set; }

    /// <summary>Marks the field as required; by default, when the model says so (<see cref="IRequiredFields"/>).</summary>
    public bool? Required { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        // Inside a partial rendered with for="Parent" the field's full name carries the parent's prefix.
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var state) && state.Errors.Count > 0;
        var attributes = new Dictionary<string, object>
        {
            ["class"] = (Type == "checkbox" ? "form-check-input" : Items is null ? "form-control" : "form-select")
                        + (hasError ? " is-invalid" : string.Empty),
            ["aria-describedby"] = $"{id}-feedback",
        };
        if (hasError)
        {
            attributes["aria-invalid"] = "true";
        }
        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }
        if (Inputmode is not null)
        {
            attributes["inputmode"] = Inputmode;
        }
        if (Autofocus)
        {
            attributes["autofocus"] = "autofocus";
        }
        var required = Required ?? (ViewContext.ViewData.Model is IRequiredFields form && form.IsRequired(name));
        if (required)
        {
            // A select's first option is a real choice here (e.g. "Não informado"), which `required` would not refuse:
            // aria-required alone tells what the server does.
            if (Items is null && Type != "checkbox")
            {
                attributes["required"] = "required";
            }
            attributes["aria-required"] = "true";
        }

        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null,
            htmlAttributes: new { @class = Type == "checkbox" ? "form-check-label" : "form-label" });
        if (required)
        {
            label.InnerHtml.AppendHtml(RequiredMarkTagHelper.Html(l));
        }
        var input = Type switch
        {
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, attributes),
            "checkbox" => generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, For.Model as bool?, attributes),
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, 3, 40, attributes),
            _ when Items is not null => generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: null, name,
                Items, allowMultiple: false, attributes),
            _ => TextBox(name, attributes),
        };
        var feedback = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, message: null, tag: "div",
            htmlAttributes: new { @class = "invalid-feedback d-block", id = $"{id}-feedback" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Type == "checkbox" ? "form-check mb-3" : "mb-3");
        if (Type == "checkbox")
        {
            output.Content.AppendHtml(input).AppendHtml(label);
        }
        else
        {
            output.Content.AppendHtml(label).AppendHtml(input);
        }
        if (Help is not null)
        {
            var help = new TagBuilder("div");
            help.AddCssClass("form-text");
            help.InnerHtml.Append(Help);
            output.Content.AppendHtml(help);
        }
        output.Content.AppendHtml(feedback);
    }

    private TagBuilder TextBox(string name, Dictionary<string, object> attributes)
    {
        if (NumberField.Is(For) && Type is "text" or "number")
        {
            return NumberField.Generate(generator, ViewContext, For, name, attributes);
        }
        attributes["type"] = Type;
        // The formats HTML date inputs read, whatever the user's language.
        var format = Type switch
        {
            "date" => "{0:yyyy-MM-dd}",
            "datetime-local" => "{0:yyyy-MM-ddTHH:mm}",
            _ => null,
        };
        return generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format, attributes);
    }
}
