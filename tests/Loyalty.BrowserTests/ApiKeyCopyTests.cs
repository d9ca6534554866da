namespace Loyalty.BrowserTests;

/// <summary>The key is shown once: one click puts it on the clipboard, and the page says so.</summary>
public sealed class ApiKeyCopyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task CopyButton_Should_PutTheKeyShownOnceOnTheClipboard() =>
        InBrowserAsync(async page =>
        {
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
            await page.SignInAsync("demo", "admin@demo.local");
            await page.GotoAsync("/chaves-api/nova");
            await page.Locator("#Name").FillAsync($"Integração {Guid.NewGuid():N}"[..20]);
            await page.Locator("form[action='/chaves-api/nova'] button[type=submit]").ClickAsync();
            var secret = await page.GetByTestId("api-key-secret").InputValueAsync();

            await page.GetByTestId("api-key-copy").ClickAsync();

            await Expect(page.GetByTestId("api-key-copy-status")).ToHaveTextAsync("Chave copiada.");
            Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        });
}
