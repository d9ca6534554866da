using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Customers;

/// <summary>
/// Drives /clientes/novo the way a browser does: every post sends what the current page's form holds (visible fields,
/// hidden fields of the other steps, checked radios and boxes, selected options), changed only where the test types,
/// plus the button pressed. So a test also proves that the pages themselves carry every value along.
/// </summary>
internal sealed class WizardSession(StaffClient client)
{
    private const string Url = "/clientes/novo";

    public IHtmlDocument Page { get; private set; } = default!;
    public string Html { get; private set; } = string.Empty;

    public int Step => int.Parse(Field("Step")!, CultureInfo.InvariantCulture);

    public static async Task<WizardSession> StartAsync(StaffClient client)
    {
        var session = new WizardSession(client);
        session.Load(await client.Http.GetStringAsync(Url));
        return session;
    }

    /// <summary>Types into the fields and presses a button: "next", "back", "search", "confirm" or "edit-N".</summary>
    public async Task<HttpResponseMessage> PressAsync(string button, IDictionary<string, string>? typed = null)
    {
        var values = FormValues();
        foreach (var (name, value) in typed ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new KeyValuePair<string, string>(name, value));
        }
        values.Add(new KeyValuePair<string, string>("go", button));
        var response = await client.PostFormAsync(Url, Html, values);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Load(await response.Content.ReadAsStringAsync());
        }
        return response;
    }

    public Task<HttpResponseMessage> NextAsync(IDictionary<string, string>? typed = null) => PressAsync("next", typed);

    /// <summary>The value the form would post for this field (an input's value, the checked radio, the selected option).</summary>
    public string? Field(string name) =>
        FormValues().Where(v => v.Key == name).Select(v => v.Value).FirstOrDefault();

    /// <summary>The visible (non-hidden) control of the field, or null when this screen does not show it.</summary>
    public IElement? Visible(string name) =>
        Form.QuerySelectorAll($"[name='{name}']").FirstOrDefault(e => e.GetAttribute("type") != "hidden");

    public string ErrorOf(string name) => Page.GetElementById($"{name}-feedback")?.TextContent.Trim() ?? string.Empty;

    public string Title => Page.QuerySelector("[data-testid=wizard-title]")?.TextContent.Trim() ?? string.Empty;

    private IElement Form => Page.QuerySelector("form[data-customer-form]")
                             ?? throw new InvalidOperationException("Not a wizard page:\n" + Html);

    private void Load(string html)
    {
        Html = html;
        Page = new HtmlParser().ParseDocument(html);
    }

    private List<KeyValuePair<string, string>> FormValues()
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in Form.QuerySelectorAll("input, select, textarea"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken")
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" }:
                    continue;
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                    continue;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }
        return values;
    }
}
