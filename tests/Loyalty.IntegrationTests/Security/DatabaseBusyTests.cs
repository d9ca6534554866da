using System.Net;
using Loyalty.Domain.Staff;
using Loyalty.IntegrationTests.Customers;
using Loyalty.IntegrationTests.Purchases;
using Loyalty.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Loyalty.IntegrationTests.Security;

/// <summary>An app whose pool holds 2 connections and waits at most 1 s for one.</summary>
public sealed class TinyPoolFixture : IAsyncLifetime
{
    public LoyaltyAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        App = new LoyaltyAppFactory(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Loyalty"] = database.AppConnectionString + ";Maximum Pool Size=2;Timeout=1",
        });
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>A database that cannot take more connections is 503 with Retry-After, never 500.</summary>
public sealed class DatabaseBusyTests(TinyPoolFixture fixture) : IClassFixture<TinyPoolFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Exhausted_Pool_Should_Answer_503_With_Retry_After_To_The_Api_And_The_Screens()
    {
        var t = await App.CreateTenantAsync("busy-a");
        var pos = new Pos(App, await App.CreateApiKeyAsync(t.Id, await App.CreateStoreAsync(t.Id, "Z01")));
        var customer = await App.AddCustomerAsync(t.Id, "Rita Espera");
        Assert.Equal(HttpStatusCode.Created, (await pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m))).StatusCode);
        using var admin = await App.SignedInAsync(t, StaffRole.TenantAdmin);

        List<HttpResponseMessage> api;
        HttpResponseMessage screen;
        var dataSource = App.Services.GetRequiredService<NpgsqlDataSource>();
        // Both of the pool's connections taken: whoever needs one waits its Timeout and gets the pool's "exhausted" error.
        await using (await dataSource.OpenConnectionAsync())
        await using (await dataSource.OpenConnectionAsync())
        {
            api = [.. await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m))))];
            screen = await admin.Http.GetAsync("/");
        }
        var afterwards = await pos.PostAsync(Pos.Purchase(customer.CardNumber, 10m));

        Assert.All(api, r =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
            Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {r.Headers.RetryAfter}");
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, screen.StatusCode);
        Assert.True(screen.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {screen.Headers.RetryAfter}");
        Assert.Contains("sobrecarregado", await screen.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_Burst_On_A_Tiny_Pool_Should_Answer_Only_2xx_Or_503_With_Retry_After()
    {
        var t = await App.CreateTenantAsync("busy-b");
        var pos = new Pos(App, await App.CreateApiKeyAsync(t.Id, await App.CreateStoreAsync(t.Id, "Z02")));
        var customers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            customers.Add((await App.AddCustomerAsync(t.Id, $"Cliente Rajada {i}")).CardNumber);
        }

        var burst = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => pos.PostAsync(Pos.Purchase(customers[i % customers.Count], 10m))));

        Assert.All(burst, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{(int)r.StatusCode}"));
        Assert.All(burst.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable), r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.Created);
    }
}
