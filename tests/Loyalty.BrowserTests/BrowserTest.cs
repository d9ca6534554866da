using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>
/// Runs a test body on a fresh page of a fresh BrowserContext. When the body throws, a full-page screenshot is kept at
/// TestResults/screenshots/&lt;test&gt;.png under the test output before the failure goes on; errors the page itself
/// reports (a script blocked by the CSP, an exception in site.js) fail the test too.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture)
{
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    protected BrowserFixture Fixture { get; } = fixture;

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    protected async Task InBrowserAsync(Func<IPage, Task> body, ViewportSize? viewport = null, [CallerMemberName] string test = "")
    {
        await using var context = await Fixture.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        page.Console += (_, message) =>
        {
            // The app ships no favicon yet; Chromium's own request for it is not an error of the page under test.
            if (message.Type == "error" && !message.Location.StartsWith(Fixture.BaseAddress + "favicon.ico", StringComparison.Ordinal))
            {
                pageErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        try
        {
            await body(page);
            Assert.True(pageErrors.Count == 0, $"the page reported errors: {string.Join(" | ", pageErrors)}");
        }
        catch
        {
            await KeepScreenshotAsync(page, test);
            throw;
        }
    }

    public static string ScreenshotPath(string test)
    {
        var safe = string.Concat(test.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_'));
        return Path.Combine(ScreenshotDirectory, safe + ".png");
    }

    private static async Task KeepScreenshotAsync(IPage page, string test)
    {
        try
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(test), FullPage = true, Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // A crashed page cannot be photographed; the original failure matters more than the missing picture.
        }
    }
}
