using System.Security.Claims;
using System.Text.Encodings.Web;
using Loyalty.Domain.Integration;
using Loyalty.Web.Api.Pipeline;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Security;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Loyalty.Web.Api;

/// <summary>
/// Authenticates POS and integration calls by the X-Api-Key header. The key's hash finds the key row before any tenant
/// is known: the row-level security policy of api_keys shows a row to a connection that presents that row's hash, and
/// nothing else. Tenant and store then come from the key, never from the request. Keys found are kept a few seconds in
/// <see cref="ApiKeyCache"/> (a POS posts many purchases with one key); a revocation on this server evicts its key.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TenantContext tenant,
    ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string StoreKeyPolicy = "StoreKey";
    public const string TenantKeyPolicy = "TenantKey";
    public const string AnyKeyPolicy = "AnyKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(presented))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiKey.Hash(presented);
        var key = keys.Find(hash);
        if (key is null && await FindByHashAsync(hash) is { } row)
        {
            key = new ApiKeyCache.Key(row.Id, row.TenantId, row.StoreId, row.Name, row.IsRevoked);
            keys.Remember(hash, key);
        }
        if (key is null || key.IsRevoked)
        {
            Context.RequestServices.GetRequiredService<FailedApiKeyAttempts>().Failed(Context);
            return AuthenticateResult.Fail("Invalid or revoked API key");
        }
        // A staff cookie sent along (a browser signed in to the back-office) has already bound the request to its tenant;
        // a request cannot speak for two tenants, so a key of another tenant is refused rather than crashing the scope.
        if (tenant.TenantId is { } sessionTenant && sessionTenant != key.TenantId)
        {
            return AuthenticateResult.Fail("The API key belongs to another tenant than the signed-in session");
        }
        tenant.Set(key.TenantId);
        var claims = new List<Claim>
        {
            new(TenantClaims.TenantId, key.TenantId.ToString()),
            new(TenantClaims.ApiKeyId, key.Id.ToString()),
            new(ClaimTypes.Name, $"apikey:{key.Name}"),
        };
        if (key.StoreId is { } storeId)
        {
            claims.Add(new Claim(TenantClaims.StoreId, storeId.ToString()));
        }
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    // Only on a cache miss: a cached key's request builds no DbContext here.
    private Task<ApiKey?> FindByHashAsync(string hash) =>
        ApiKeyLookup.FindByHashAsync(Context.RequestServices.GetRequiredService<LoyaltyDbContext>(), hash);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "A valid X-Api-Key header is required.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "This key may not call this endpoint (store keys call the POS endpoints, tenant keys the integration endpoints).");

    private Task WriteProblemAsync(int status, string detail) => ApiProblem.WriteAsync(Context, status, detail);
}
