using Loyalty.Testing;

namespace Loyalty.IntegrationTests;

/// <summary>One app and one fresh database per test class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public LoyaltyAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync() => App = await LoyaltyAppFactory.CreateAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
