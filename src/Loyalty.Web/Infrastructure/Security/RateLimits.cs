using System.Globalization;
using System.Threading.RateLimiting;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.RateLimiting;

namespace Loyalty.Web.Infrastructure.Security;

/// <summary>Sign-in attempts are limited per client address (on top of the per-account lockout); API calls per key;
/// bad API keys per client address (<see cref="FailedApiKeyAttempts"/>). All answer 429 with Retry-After. The figures are settings (section RateLimits) so load tests can raise them.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Api = "api";

    public static IServiceCollection AddLoyaltyRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var apiPerSecond = configuration.GetValue("RateLimits:ApiPerSecond", 200);
        services.AddSingleton<FailedApiKeyAttempts>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(Api, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirst(TenantClaims.ApiKeyId)?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = apiPerSecond, Window = TimeSpan.FromSeconds(1) }));
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
