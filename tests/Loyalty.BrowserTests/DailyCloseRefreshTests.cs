using Loyalty.Domain.DailyClose;
using Loyalty.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>While a close runs, its page follows it: the admin sees the new state without reloading by hand.</summary>
public sealed class DailyCloseRefreshTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task DailyClosePage_Should_RefreshItself_While_ARunIsInProgress() =>
        InBrowserAsync(async page =>
        {
            // A run of a date no other test closes, left running as if a job were still at work.
            var runId = await Fixture.App.InTenantAsync(Fixture.DemoTenantId, async db =>
            {
                var run = DailyCloseRun.Begin(new DateOnly(2001, 1, 2), DailyCloseTrigger.Manual, DateTimeOffset.UtcNow);
                db.DailyCloseRuns.Add(run);
                await db.SaveChangesAsync();
                return run.Id;
            });
            try
            {
                await page.SignInAsync("demo", "admin@demo.local");
                await page.GotoAsync("/fechamento-diario");
                await Expect(page.GetByTestId("daily-close-refreshing")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("run-daily-close")).ToBeVisibleAsync();

                var reloaded = page.WaitForRequestAsync(r => r.Url.EndsWith("/fechamento-diario", StringComparison.Ordinal),
                    new PageWaitForRequestOptions { Timeout = 9_000 });
                Assert.Equal("GET", (await reloaded).Method);
            }
            finally
            {
                await Fixture.App.InTenantAsync(Fixture.DemoTenantId, db => db.DailyCloseRuns.Where(r => r.Id == runId).ExecuteDeleteAsync());
            }
        });

    [Fact]
    public Task DailyClosePage_Should_StayStill_When_NoRunIsInProgress() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            await page.GotoAsync("/fechamento-diario");

            await Expect(page.GetByTestId("run-daily-close")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("daily-close-refreshing")).ToHaveCountAsync(0);
        });
}
