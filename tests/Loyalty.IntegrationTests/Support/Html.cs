using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Loyalty.IntegrationTests.Support;

/// <summary>Reads pages the way a user sees them: by element, not by substring.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The page's text as a reader sees it (Razor writes accented letters as character references).</summary>
    public static string Text(string html) => Parse(html).Body?.TextContent ?? string.Empty;

    /// <summary>The validation message shown under a form field (the form-row tag helper's "{id}-feedback").</summary>
    public static string FieldMessage(string html, string field) =>
        Parse(html).GetElementById($"{field}-feedback")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"The page has no message slot for {field}.");

    public static string? InputValue(string html, string field) => Parse(html).GetElementById(field)?.GetAttribute("value");

    /// <summary>The error shown above the sign-in form.</summary>
    public static string SignInError(string html) =>
        Parse(html).QuerySelector("[data-testid=sign-in-error]")?.TextContent.Trim() ?? string.Empty;
}
