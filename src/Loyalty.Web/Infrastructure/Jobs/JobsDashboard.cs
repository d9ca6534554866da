using Hangfire;
using Microsoft.AspNetCore.Http.Features;

namespace Loyalty.Web.Infrastructure.Jobs;

public static class JobsDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// The Hangfire dashboard, PlatformAdmins only. Its stats endpoint reads the metric names from a form even when the
    /// request has none (a GET, a monitor probing the URL), and ASP.NET Core throws on reading a form without a form
    /// content type, which answered 500: such requests get an empty form, so they answer 200 with no metrics. The
    /// dashboard's own POSTs carry the antiforgery token in the X-CSRF-TOKEN header, which Hangfire checks.
    /// </summary>
    public static void MapJobsDashboard(this WebApplication app)
    {
        app.UseWhen(
            c => c.Request.Path.Equals(Path + "/stats", StringComparison.OrdinalIgnoreCase) && !c.Request.HasFormContentType,
            b => b.Use((context, next) =>
            {
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                return next(context);
            }));
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorization()],
            AppPath = "/",
            DashboardTitle = "Loyalty — jobs",
        });
    }
}
