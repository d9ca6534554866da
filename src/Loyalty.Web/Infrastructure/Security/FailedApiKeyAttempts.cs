using System.Globalization;
using System.Threading.RateLimiting;
using Loyalty.Domain.Integration;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Infrastructure.Security;

/// <summary>
/// Unknown or revoked API keys per client address. Every unknown key costs a database lookup (known keys are served
/// from <see cref="ApiKeyCache"/>), so an address that keeps presenting bad keys is cut off for the rest of the window:
/// <see cref="FailedApiKeyAttemptsMiddleware"/> answers 429 before authentication would look the key up. The partitions
/// are bounded by the rate limiter's idle clean-up, not by what callers send.
/// </summary>
public sealed class FailedApiKeyAttempts : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public FailedApiKeyAttempts(IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("RateLimits:InvalidApiKeysPerMinute", 20);
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
    }

    /// <summary>Counts one bad key presented by the request's address.</summary>
    public void Failed(HttpContext context)
    {
        using var _ = limiter.AttemptAcquire(Address(context));
    }

    /// <summary>Whether the address has used up its failures for this window, and when it may try again.</summary>
    public bool IsLimited(HttpContext context, out TimeSpan retryAfter)
    {
        // Asking for no permit only reports the window's state; it counts nothing.
        using var lease = limiter.AttemptAcquire(Address(context), 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return !lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>
/// 429 problem details with Retry-After for a request that presents a key from an address that is cut off — unless the
/// key is one this server knows to be valid (in <see cref="ApiKeyCache"/>, no lookup needed): the other POS terminals
/// behind the same address as a misconfigured one keep working.
/// </summary>
public sealed class FailedApiKeyAttemptsMiddleware(RequestDelegate next, FailedApiKeyAttempts attempts, ApiKeyCache keys)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems, IStringLocalizer<SharedResource> l)
    {
        var presented = context.Request.Headers[Api.ApiKeyAuthenticationHandler.Header].ToString();
        if (string.IsNullOrWhiteSpace(presented) || !attempts.IsLimited(context, out var retryAfter)
            || keys.Find(ApiKey.Hash(presented)) is { IsRevoked: false })
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = l["Api.TooManyInvalidKeys"] },
        });
    }
}
