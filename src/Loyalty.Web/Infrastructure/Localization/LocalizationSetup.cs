using Microsoft.AspNetCore.Localization;

namespace Loyalty.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public static IServiceCollection AddLoyaltyLocalization(this IServiceCollection services)
    {
        // The resx files sit beside SharedResource.cs, so they are embedded under its type name: no ResourcesPath.
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures.Default);
            o.SupportedCultures = SupportedCultures.Infos;
            o.SupportedUICultures = SupportedCultures.Infos;
            // The user's choice travels in the culture cookie, written at sign-in from their profile and by the
            // language menu; the browser's Accept-Language is ignored so that pt-BR is the default for everyone.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static void WriteCultureCookie(HttpResponse response, string culture, bool secure) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                Secure = secure,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
}
