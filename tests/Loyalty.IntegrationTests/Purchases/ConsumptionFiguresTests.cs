using Loyalty.Testing;
using Loyalty.Web.Features.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.IntegrationTests.Purchases;

/// <summary>The profile's consumption figures and the "active"/"leads" views read the customer's purchases (SPEC §3).</summary>
public sealed class ConsumptionFiguresTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private LoyaltyAppFactory App => fixture.App;
    private TestData.TestTenant _tenant = default!;
    private Pos _pos = default!;

    public async Task InitializeAsync()
    {
        _tenant = await App.CreateTenantAsync($"cf{Guid.NewGuid():N}"[..10]);
        var store = await App.CreateStoreAsync(_tenant.Id, "F01");
        _pos = new Pos(App, await App.CreateApiKeyAsync(_tenant.Id, store));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Figures_Count_Purchases_Net_Of_Returns_And_Leave_Out_Cancelled_Ones()
    {
        var customer = await App.AddCustomerAsync(_tenant.Id, "Rita Compras");
        var now = DateTimeOffset.UtcNow;
        await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 100m, at: now.AddDays(-4)));
        await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 50m, at: now.AddHours(-1)));
        var cancelled = Pos.NextCoupon();
        await _pos.PostAsync(Pos.Purchase(customer.CardNumber, 999m, cancelled, now.AddHours(-2)));
        await _pos.CancelAsync(cancelled);

        await using var scope = App.TenantScope(_tenant.Id);
        var figures = await scope.ServiceProvider.GetRequiredService<CustomerFigures.Handler>()
            .HandleAsync(customer.Id, customer.Id, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"), CancellationToken.None);

        Assert.Equal(2, figures.Purchases);
        Assert.Equal(150m, figures.TotalSpent);
        Assert.Equal(75m, figures.AverageTicket);
        Assert.NotNull(figures.LastPurchase);
        Assert.NotNull(figures.AverageDaysBetweenPurchases);
    }
}
