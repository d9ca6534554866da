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
    private const string TypedTenant = "SignIn.TypedTenant";
    private const string TypedEmail = "SignIn.TypedEmail";

    private bool SecureCookies => configuration.GetValue("Security:SecureCookies", true);

    [HttpGet("entrar")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View(new SignIn.Form
    {
        ReturnUrl = returnUrl,
        TenantCode = TempData[TypedTenant] as string ?? Request.Cookies[TenantCookie],
        Email = TempData[TypedEmail] as string ?? string.Empty,
    });

    /// <summary>The sign-in page's language menu: the culture cookie, and the page again in that language with the company
    /// and e-mail typed so far (never the password, which is posted along with them and dropped).</summary>
    [HttpPost("entrar/idioma")]
    [AllowAnonymous]
    public IActionResult SignInLanguage(string culture, SignIn.Form form)
    {
        if (!SupportedCultures.IsSupported(culture))
        {
            return BadRequest();
        }
        LocalizationSetup.WriteCultureCookie(Response, culture, SecureCookies);
        TempData[TypedTenant] = form.TenantCode;
        TempData[TypedEmail] = form.Email;
        return RedirectToAction(nameof(SignIn), new { returnUrl = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null });
    }

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
