using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Tenants;

[Authorize(Policy = StaffPolicies.Platform)]
[Route("plataforma/empresas")]
public sealed class TenantsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] TenantList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("nova")]
    public IActionResult Create() => View(new CreateTenant.Command());

    [HttpPost("nova")]
    public async Task<IActionResult> Create(
        CreateTenant.Command command, [FromServices] CreateTenant.Handler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(command, cancellationToken);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(command);
        }
        TempData[Flash.Success] = l["Tenant.Created", command.Code].Value;
        return RedirectToAction(nameof(Index));
    }
}
