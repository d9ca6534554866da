using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Loyalty.Domain.Staff;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>Reading the customer and block screens the way a person does: rows, names, the message under a field.</summary>
internal static class Pages
{
    public static async Task<IDocument> GetPageAsync(this StaffClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        }
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The names in the customer list, in order.</summary>
    public static List<string> CustomerNames(this IDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=customer-row] td:first-child a").Select(a => a.TextContent.Trim())];

    public static string? FieldError(this IDocument page, string fieldId) =>
        page.QuerySelector($"#{fieldId}-feedback")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public static string? ValueOf(this IDocument page, string name) =>
        page.QuerySelector($"[name='{name}']") is { } element
            ? element.TagName == "TEXTAREA" ? element.TextContent : element.GetAttribute("value")
            : null;

    public static async Task<StaffClient> SignedInAsync(this LoyaltyAppFactory app, TestData.TestTenant tenant, StaffRole role, params Guid[] stores)
    {
        var email = role == StaffRole.TenantAdmin ? tenant.AdminEmail : await app.CreateUserAsync(tenant.Id, role, stores);
        var client = app.CreateStaffClient();
        await client.SignInOrThrowAsync(tenant.Code, email, TestData.Password);
        return client;
    }
}
