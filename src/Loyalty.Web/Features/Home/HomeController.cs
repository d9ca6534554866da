using System.Security.Claims;
using Loyalty.Domain.Staff;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Home;

public sealed class HomeController : Controller
{
    public sealed record Dashboard(string? TenantName, string? TenantCode, string TimeZoneId, List<string> Stores)
    {
        /// <summary>The credit and card back-office's counts (<see cref="CardDesk"/>), for the roles that work on them.</summary>
        public IReadOnlyList<CardDesk.Tile> Desk { get; init; } = [];
    }

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] LoyaltyDbContext db, [FromServices] Stores.StoreScope scope,
        [FromServices] CardDesk.Handler desk, CancellationToken cancellationToken)
    {
        if (db.Tenant.TenantId is not { } tenantId)
        {
            return View(new Dashboard(null, null, string.Empty, []));
        }
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        var stores = await scope.Apply(db.Stores.AsNoTracking()).Where(s => s.IsActive).OrderBy(s => s.Code)
            .Select(s => s.Code + " — " + s.Name).ToListAsync(cancellationToken);
        var role = Enum.TryParse<StaffRole>(User.FindFirstValue(ClaimTypes.Role), out var parsed) ? parsed : (StaffRole?)null;
        return View(new Dashboard(tenant.Name, tenant.Code, tenant.TimeZoneId, stores) { Desk = await desk.TilesAsync(role, cancellationToken) });
    }

    /// <summary>Generic error pages: never a stack trace outside Development. Re-executed with the failed request's method
    /// (a refused POST re-executes as a POST), so no verb attribute and no antiforgery check here. The status is read
    /// from the route, not model-bound: binding would read the failed request's form again, and a form that could not
    /// be read would turn every such error into a 404.</summary>
    [Route("erro/{status:int?}")]
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [ResponseCache(NoStore = true)]
    public IActionResult Error()
    {
        var status = int.TryParse(RouteData.Values["status"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var routed)
            ? routed : (int?)null;
        var code = status ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is null ? 404 : 500);
        // An API call that failed gets problem details like every other API error, not the HTML page.
        if (new PathString(HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path).StartsWithSegments("/api"))
        {
            return Problem(statusCode: code);
        }
        Response.StatusCode = code;
        return View("Error", code);
    }
}
