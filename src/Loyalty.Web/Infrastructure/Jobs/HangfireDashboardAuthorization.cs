using Hangfire.Dashboard;
using Loyalty.Domain.Staff;

namespace Loyalty.Web.Infrastructure.Jobs;

/// <summary>The jobs dashboard shows every tenant's jobs, so it is for PlatformAdmins only.</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(nameof(StaffRole.PlatformAdmin));
    }
}
