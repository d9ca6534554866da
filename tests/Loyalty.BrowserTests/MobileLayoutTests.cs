using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

public sealed class MobileLayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public Task Menu_Should_CollapseBehindTheToggler_And_OpenOnTap_When_ScreenIsAPhone() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "admin@demo.local");
            var toggler = page.GetByRole(AriaRole.Button, new() { Name = "Abrir ou fechar o menu" });
            var stores = page.GetByTestId("nav-stores");

            await Expect(toggler).ToBeVisibleAsync();
            await Expect(stores).ToBeHiddenAsync();
            await Expect(page.GetByTestId("sign-out")).ToBeHiddenAsync();

            await toggler.ClickAsync();

            await Expect(stores).ToBeVisibleAsync();
            await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
            await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");
            await stores.ClickAsync();
            await Expect(page.GetByText("LJ01")).ToBeVisibleAsync();
        }, Phone);

    [Fact]
    public Task Pages_Should_FitThePhoneWidth_When_ScreenIsAPhone() =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync("/entrar");
            await Expect(page.GetByTestId("sign-in-submit")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Phone.Width, "the sign-in page scrolls sideways");

            await page.SignInAsync("demo", "admin@demo.local");
            await page.GotoAsync("/lojas");
            await Expect(page.GetByText("LJ01")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Phone.Width, "the store list scrolls sideways");
        }, Phone);
}
