using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>
/// axe-core (npm, copied to the test output by the build) run on the page as it stands. Evaluated through Playwright
/// rather than a script tag, so the app's CSP stays as strict as in production. Fails on any serious or critical
/// violation and lists each one with the elements it found.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe-core", "axe.min.js")));

    private const string Run = """
        async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                             nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' ')) }));
        }
        """;

    public static async Task ExpectNoSeriousViolationsAsync(this IPage page, string state)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.EvaluateAsync(Source.Value);
        var violations = await page.EvaluateAsync<JsonElement>(Run);
        if (violations.GetArrayLength() == 0)
        {
            return;
        }
        var report = new StringBuilder($"{state} ({page.Url}) has serious or critical accessibility violations:");
        foreach (var v in violations.EnumerateArray())
        {
            report.Append(CultureInfo.InvariantCulture, $"\n- [{v.GetProperty("impact").GetString()}] {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}");
            foreach (var node in v.GetProperty("nodes").EnumerateArray())
            {
                report.Append(CultureInfo.InvariantCulture, $"\n    {node.GetString()}");
            }
        }
        Assert.Fail(report.ToString());
    }
}
