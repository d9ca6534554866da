using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Features.Shared;

/// <summary>
/// The framework's validation summary with nothing to say still writes <c>&lt;ul&gt;&lt;li style="display:none"&gt;</c>
/// for jQuery's client validation, which this app does not use. Our CSP refuses inline styles, so the browser logged an
/// error on every page with a summary and showed the empty item as a stray red bullet. A summary without messages now
/// renders nothing; one with messages is the framework's, unchanged.
/// </summary>
public sealed class CspHtmlGenerator(
    IAntiforgery antiforgery, IOptions<MvcViewOptions> options, IModelMetadataProvider metadataProvider,
    IUrlHelperFactory urlHelperFactory, HtmlEncoder htmlEncoder, ValidationHtmlAttributeProvider validationAttributeProvider)
    : DefaultHtmlGenerator(antiforgery, options, metadataProvider, urlHelperFactory, htmlEncoder, validationAttributeProvider)
{
    public override TagBuilder? GenerateValidationSummary(
        ViewContext viewContext, bool excludePropertyErrors, string? message, string? headerTag, object? htmlAttributes)
    {
        var modelState = viewContext.ViewData.ModelState;
        var hasMessages = excludePropertyErrors
            ? modelState.TryGetValue(viewContext.ViewData.TemplateInfo.HtmlFieldPrefix, out var entry) && entry.Errors.Count > 0
            : modelState.ErrorCount > 0;
        return hasMessages ? base.GenerateValidationSummary(viewContext, excludePropertyErrors, message, headerTag, htmlAttributes) : null;
    }
}
