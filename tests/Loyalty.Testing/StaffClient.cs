using System.Net;
using System.Text.RegularExpressions;

namespace Loyalty.Testing;

/// <summary>An HTTP client that behaves like a browser session: keeps cookies and posts forms with their antiforgery token.</summary>
public sealed partial class StaffClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>Makes every later request of this client come from <paramref name="address"/> (see <see cref="TestClientAddress"/>).</summary>
    public StaffClient From(string address)
    {
        Http.DefaultRequestHeaders.Remove(TestClientAddress.Header);
        Http.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return this;
    }

    public async Task<HttpResponseMessage> SignInAsync(string? tenantCode, string email, string password)
    {
        var page = await Http.GetStringAsync("/entrar");
        return await PostFormAsync("/entrar", page, new Dictionary<string, string>
        {
            ["TenantCode"] = tenantCode ?? string.Empty,
            ["Email"] = email,
            ["Password"] = password,
        });
    }

    public async Task SignInOrThrowAsync(string? tenantCode, string email, string password)
    {
        var response = await SignInAsync(tenantCode, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }
    }

    /// <summary>GETs the page that holds the form (for its antiforgery token), then posts the fields.</summary>
    public async Task<HttpResponseMessage> PostFormFromPageAsync(string pageUrl, string postUrl, IDictionary<string, string> fields) =>
        await PostFormAsync(postUrl, await Http.GetStringAsync(pageUrl), fields);

    public Task<HttpResponseMessage> PostFormAsync(string url, string pageWithToken, IDictionary<string, string> fields)
    {
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", TokenOf(pageWithToken)) };
        return Http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, string pageWithToken, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", TokenOf(pageWithToken)) };
        return Http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public static string TokenOf(string html) =>
        TokenRegex().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
