using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Security;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Account;

public sealed class AccountController(IStringLocalizer<SharedResource> l, IConfiguration configuration) : Controller
{
    private const string TenantCookie = "loyalty.tenant";

    private bool SecureCookies => configuration.GetValue("Security:SecureCookies", true);

    [HttpGet("entrar")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) =>
        View(new SignIn.Form { ReturnUrl = returnUrl, TenantCode = Request.Cookies[TenantCookie] });

    [HttpPost("entrar")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignIn.Form form, [FromServices] SignIn.Handler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(form, SignInLockout.AddressOf(HttpContext.Connection.RemoteIpAddress), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, l["SignIn.Invalid"]);
            form.Password = string.Empty;
            return View(form);
        }
        // The company code is remembered for the next sign-in on this browser; it is not a secret.
        Response.Cookies.Append(TenantCookie, form.TenantCode?.Trim().ToLowerInvariant() ?? string.Empty, new CookieOptions
        {
            HttpOnly = true, Secure = SecureCookies, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(180), IsEssential = true,
        });
        LocalizationSetup.WriteCultureCookie(Response, result.User!.Culture, SecureCookies);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
    }

    [HttpPost("sair")]
    public async Task<IActionResult> SignOut([FromServices] SignInManager<StaffUser> signIn)
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(SignIn));
    }

    [HttpGet("acesso-negado")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>The language menu: saved on the user's profile and in the culture cookie.</summary>
    [HttpPost("idioma")]
    public async Task<IActionResult> Language(string culture, string? returnUrl, [FromServices] LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        if (!SupportedCultures.IsSupported(culture))
        {
            return BadRequest();
        }
        var userId = User.GetUserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is not null && user.Culture != culture)
        {
            user.Culture = culture;
            await db.SaveChangesAsync(cancellationToken);
        }
        LocalizationSetup.WriteCultureCookie(Response, culture, SecureCookies);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
