using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Points;

/// <summary>Manual points adjustment of a customer's account, by a TenantAdmin, from the customer's profile.</summary>
[Route("clientes/{customerId:guid}/ajuste-de-pontos")]
[Authorize(Policy = StaffPolicies.TenantAdministration)]
public sealed class PointsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Adjust(Guid customerId, [FromServices] AdjustPoints.Handler handler, CancellationToken cancellationToken) =>
        await handler.ScreenAsync(customerId, new AdjustPoints.Command(), cancellationToken) is { } screen ? View(screen) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Adjust(Guid customerId, AdjustPoints.Command command, [FromServices] AdjustPoints.Handler handler,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(customerId, command, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState, "Command.");
            return View(await handler.ScreenAsync(customerId, command, cancellationToken));
        }
        TempData[Flash.Success] = l["Adjustment.Saved"].Value;
        return Redirect($"/clientes/{customerId}#extrato");
    }
}
