namespace Loyalty.BrowserTests;

public sealed class ScreenshotOnFailureTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task FailedTest_Should_LeaveAScreenshotOfThePage()
    {
        const string test = "deliberate_failure_probe";
        if (File.Exists(ScreenshotPath(test)))
        {
            File.Delete(ScreenshotPath(test));
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => InBrowserAsync(async page =>
        {
            await page.GotoAsync("/entrar");
            throw new InvalidOperationException("deliberate");
        }, test: test));

        Assert.Equal("deliberate", failure.Message);
        Assert.True(new FileInfo(ScreenshotPath(test)) is { Exists: true, Length: > 1000 }, "no screenshot was kept");
        File.Delete(ScreenshotPath(test));
    }
}
