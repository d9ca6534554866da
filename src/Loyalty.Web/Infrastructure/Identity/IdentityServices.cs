using Loyalty.Web.Api.Pipeline;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Loyalty.Web.Infrastructure.Identity;

public static class IdentityServices
{
    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA512 is 210,000; Identity's default is 100,000.</summary>
    public const int PasswordHashIterations = 210_000;

    public static IServiceCollection AddStaffIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                // Sign-in never feeds Identity's own lockout (it counts per account only, so anyone could lock a user
                // out): SignInLockout counts per account and client address instead.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters += "/";
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<LoyaltyDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddUserConfirmation<ActiveStaffConfirmation>()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.AddScoped<SignInLockout>();
        services.AddSingleton<UnknownAccountPassword>();
        services.AddSingleton<DatabaseTicketStore>();
        services.ConfigureOptions<TicketStoreCookieSetup>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        var secure = configuration.GetValue("Security:SecureCookies", true);
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "loyalty.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                o.SlidingExpiration = true;
                o.LoginPath = "/entrar";
                o.LogoutPath = "/sair";
                o.AccessDeniedPath = "/acesso-negado";
                o.Events.OnValidatePrincipal = ValidatePrincipal;
                // Under /api the key is the only credential: authenticating, challenging and forbidding go to the key
                // scheme. So a valid key satisfies the fallback policy of routing's own 404/405/415 endpoints (they
                // answered 401 to a valid key), and a refusal is the key's 401/403 problem details, never a redirect.
                o.ForwardDefaultSelector = c => c.Request.IsApi() ? Api.ApiKeyAuthenticationHandler.SchemeName : null;
            })
            // Never signed in to; but SecurityStampValidator signs this scheme out whenever it rejects a session (user
            // deactivated, access changed), and without a handler that rejection throws instead of ending the session.
            .AddCookie(IdentityConstants.TwoFactorRememberMeScheme, o =>
            {
                o.Cookie.Name = "loyalty.2fa-remember";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });
        services.AddAuthorization(StaffPolicies.Register);
        return services;
    }

    // The security-stamp check reads the user from the database, where every query is tenant-scoped, so the tenant of
    // the cookie must be known before it runs (authentication happens before the tenant middleware).
    private static Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.GetTenantId() is { } tenantId)
        {
            var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
            if (tenant.TenantId is null)
            {
                tenant.Set(tenantId);
            }
        }
        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
