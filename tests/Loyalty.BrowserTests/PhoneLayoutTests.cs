using Loyalty.Domain.Campaigns;
using Loyalty.Testing;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>The counter on a phone (390 px): what the cashier types must be on the screen, not past its edge.</summary>
public sealed class PhoneLayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public Task PrizeQuantity_Should_BeOnTheScreen_When_ScreenIsAPhone() =>
        InBrowserAsync(async page =>
        {
            var app = Fixture.App;
            var tenantId = Fixture.DemoTenantId;
            var store = await app.InTenantAsync(tenantId, db => db.Stores.Where(s => s.Code == "LJ01").Select(s => s.Id).SingleAsync());
            var campaign = await app.CreateCampaignAsync(tenantId, CampaignClassification.Fixed, [store], $"Prêmios no Celular {Guid.NewGuid():N}"[..24]);
            var product = await app.CreateProductAsync(tenantId, $"P{Guid.NewGuid():N}"[..10], "Jogo de Panelas Antiaderente Cinco Peças");
            await app.AddPrizeAsync(tenantId, campaign, product, 1500, stock: 12);
            var customer = await app.AddCustomerAsync(tenantId, "Valdirene Souza", f =>
            {
                f.Gender = Loyalty.Domain.Customers.Gender.Female;
                f.BirthDate = new DateOnly(1979, 8, 2);
                f.MobilePhone = "(11) 98765-1111";
            });
            await using (var scope = app.TenantScope(tenantId))
            {
                scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("test");
                await scope.ServiceProvider.GetRequiredService<PointsLedger>()
                    .CreditAsync(customer.Id, 5000, DateTimeOffset.UtcNow, PointsLedger.Reference.None, CancellationToken.None);
            }
            await page.SignInAsync("demo", "caixa@demo.local");

            await page.GotoAsync($"/resgates/{customer.Id}");
            await page.GetByTestId("counter-campaign").SelectOptionAsync(campaign.ToString());
            var quantity = page.GetByTestId("prize-quantity").First;
            await Expect(quantity).ToBeVisibleAsync();

            var box = await quantity.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X + box.Width <= Phone.Width, $"the quantity field ends at {box.X + box.Width} px, past the {Phone.Width} px screen");
            await Expect(quantity).ToHaveAttributeAsync("inputmode", "numeric");
        }, Phone);

    [Fact]
    public Task CustomerFilters_Should_FoldBehindAToggle_When_ScreenIsAPhone() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "caixa@demo.local");
            await page.GotoAsync("/clientes");
            var filters = page.GetByTestId("customer-filters");
            var toggle = page.GetByTestId("toggle-filters");

            await Expect(filters).ToBeHiddenAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
            await toggle.ClickAsync();
            await Expect(filters).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Categoria").First).ToBeVisibleAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        }, Phone);

    [Fact]
    public Task CustomerFilters_Should_StayOpen_When_ScreenIsWide() =>
        InBrowserAsync(async page =>
        {
            await page.SignInAsync("demo", "caixa@demo.local");
            await page.GotoAsync("/clientes");

            await Expect(page.GetByTestId("customer-filters")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("toggle-filters")).ToBeHiddenAsync();
        });
}
