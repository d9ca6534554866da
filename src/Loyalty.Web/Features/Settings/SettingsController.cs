using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Settings;

[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("configuracoes")]
public sealed class SettingsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("antifraude")]
    public async Task<IActionResult> Antifraud([FromServices] AntifraudSettings.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.LoadAsync(cancellationToken));

    [HttpPost("antifraude")]
    public async Task<IActionResult> Antifraud(AntifraudSettings.Command command, [FromServices] AntifraudSettings.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(command);
        }
        var result = await handler.HandleAsync(command, cancellationToken);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(command);
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Antifraud));
    }

    [HttpGet("cadastro")]
    public async Task<IActionResult> Registration([FromServices] RegistrationSettings.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.LoadAsync(cancellationToken));

    [HttpPost("cadastro")]
    public async Task<IActionResult> Registration(RegistrationSettings.Command command, [FromServices] RegistrationSettings.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(command);
        }
        var result = await handler.HandleAsync(command, cancellationToken);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(command);
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Registration));
    }
}
