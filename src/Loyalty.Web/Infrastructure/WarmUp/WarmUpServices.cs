namespace Loyalty.Web.Infrastructure.WarmUp;

public static class WarmUpServices
{
    /// <summary>The web process warms up before reporting healthy (WarmUp:Enabled, on by default); management
    /// commands and the job worker serve no requests and skip it.</summary>
    public static IHealthChecksBuilder AddWarmUp(this IHealthChecksBuilder health, IConfiguration configuration, bool serveRequests)
    {
        var enabled = serveRequests && configuration.GetValue("WarmUp:Enabled", true);
        health.Services.AddSingleton(new WarmUpState(enabled));
        if (enabled)
        {
            health.Services.AddHostedService<AppWarmUp>();
        }
        return health.AddCheck<WarmUpHealthCheck>("warm-up");
    }
}
