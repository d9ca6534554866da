using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Shared;

/// <summary>
/// The mark of a required field, put at the end of its label: an asterisk for the eye and "obrigatório" for a screen
/// reader (the asterisk itself is not read). <c>&lt;required-mark /&gt;</c> places it in hand-written labels and
/// legends; <c>&lt;required-legend /&gt;</c> explains it once per form.
/// </summary>
[HtmlTargetElement("required-mark", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RequiredMarkTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    public static IHtmlContent Html(IStringLocalizer l)
    {
        var mark = new HtmlContentBuilder();
        mark.AppendHtml(" <span class=\"text-danger\" aria-hidden=\"true\" data-required-mark>*</span>");
        var text = new TagBuilder("span");
        text.AddCssClass("visually-hidden");
        text.InnerHtml.Append($" {l["Form.Required"]}");
        return mark.AppendHtml(text);
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(Html(l));
    }
}

[HtmlTargetElement("required-legend", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RequiredLegendTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "small text-secondary mb-3");
        output.Attributes.SetAttribute("data-testid", "required-legend");
        output.Content.AppendHtml("<span class=\"text-danger\">*</span> ").Append(l["Form.Required"]);
    }
}
