using System.Net;
using System.Security.Cryptography.X509Certificates;
using Loyalty.Testing;
using Loyalty.Web.Features.Demo;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Loyalty.BrowserTests;

/// <summary>
/// One app on a real Kestrel port, seeded with the demo tenant, and one headless Debian Chromium for the whole suite:
/// starting them is the slow part. Each test opens its own BrowserContext, so no cookie passes from one test to another.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly X509Certificate2 _certificate = TestCertificate.Create();
    private IPlaywright? _playwright;

    public LoyaltyAppFactory App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;
    public Guid DemoTenantId { get; private set; }

    public async Task InitializeAsync()
    {
        // Pictures of an earlier run's failures would be mistaken for this run's.
        if (Directory.Exists(BrowserTest.ScreenshotDirectory))
        {
            Directory.Delete(BrowserTest.ScreenshotDirectory, recursive: true);
        }
        App = await LoyaltyAppFactory.CreateAsync();
        // Port 0 lets Kestrel pick a free port. HTTPS because the app's antiforgery cookie is Secure-only: over plain HTTP
        // every page with a form answers 500 (see TestCertificate).
        App.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
        App.StartServer();
        BaseAddress = App.ClientOptions.BaseAddress;
        var bound = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        if (new Uri(bound) != BaseAddress)
        {
            throw new InvalidOperationException($"Kestrel listens on {bound} but the factory reports {BaseAddress}.");
        }

        await App.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        await using (var scope = App.PlatformScope())
        {
            DemoTenantId = await scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>().Tenants
                .Where(t => t.Code == DemoSeeder.TenantCode).Select(t => t.Id).SingleAsync();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US", // the app must ignore the browser's language: pt-BR unless the user chose otherwise
            IgnoreHTTPSErrors = true, // the self-signed certificate of TestCertificate
        });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        _certificate.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
