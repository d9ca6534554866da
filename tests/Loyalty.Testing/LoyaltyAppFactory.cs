using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Loyalty.Testing;

/// <summary>
/// The real app (real middleware, real PostgreSQL as the non-superuser app role) on its own database. Settings can be
/// overridden per factory, e.g. a low sign-in rate limit for the rate-limit test.
/// </summary>
public class LoyaltyAppFactory(TestDatabase database, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    public static async Task<LoyaltyAppFactory> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var server = await PostgresServer.GetAsync();
        return new LoyaltyAppFactory(await server.CreateDatabaseAsync(), settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Loyalty"] = Database.AppConnectionString,
            ["ConnectionStrings:LoyaltyOwner"] = Database.OwnerConnectionString,
            ["Jobs:RunServer"] = "false",
            ["RateLimits:SignInPerMinute"] = "10000",
            ["RateLimits:ApiPerSecond"] = "10000",
            ["RateLimits:InvalidApiKeysPerMinute"] = "10000",
            // Tests of the document's content read it anonymously; who may read it is tested in Production.
            ["Api:PublishDocument"] = "Anonymous",
            // One key file for every test app of the machine (made by the first), outside the source tree.
            ["DataProtection:KeyFile"] = Path.Combine(Path.GetTempPath(), "loyalty-tests", "data-protection.key"),
            ["DataProtection:CreateKeyFileIfMissing"] = "true",
            ["Logging:Directory"] = Path.Combine(Path.GetTempPath(), "loyalty-test-logs"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // /health would answer 503 until the warm-up ran; WarmUpTests switch it back on.
            ["WarmUp:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        // UseSetting reaches the configuration before Program reads the connection string.
        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestClientAddress>());
    }

    /// <summary>A client that keeps cookies and does not follow redirects, on https so Secure cookies travel.</summary>
    public StaffClient CreateStaffClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }));

    // Hangfire hands each app its storage and job activator through process-wide statics (GlobalConfiguration), read
    // once when the app's container first resolves them during start-up. Apps of test classes running in parallel must
    // therefore start one at a time, or one could pick up the storage of another class's database.
    private static readonly Lock HostStart = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (HostStart)
        {
            return base.CreateHost(builder);
        }
    }

    public AsyncServiceScope TenantScope(Guid tenantId) => Services.GetRequiredService<TenantScopes>().For(tenantId);

    public AsyncServiceScope PlatformScope() => Services.GetRequiredService<TenantScopes>().Platform();
}
