using System.Net;
using Loyalty.Testing;

namespace Loyalty.IntegrationTests.Api;

/// <summary>
/// One app on a real Kestrel port and a fresh database per test class: the body size limits (413) are Kestrel's, and
/// the in-memory test server enforces none of them.
/// </summary>
public sealed class KestrelAppFixture : IAsyncLifetime
{
    public LoyaltyAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = await LoyaltyAppFactory.CreateAsync();
        App.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        App.StartServer();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
