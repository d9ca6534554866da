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
    public Task<IActionResult> Antifraud(AntifraudSettings.Command command, [FromServices] AntifraudSettings.Handler handler, CancellationToken cancellationToken) =>
        SaveAsync(command, () => handler.HandleAsync(command, cancellationToken), nameof(Antifraud));

    [HttpGet("cadastro")]
    public async Task<IActionResult> Registration([FromServices] RegistrationSettings.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.LoadAsync(cancellationToken));

    [HttpPost("cadastro")]
    public Task<IActionResult> Registration(RegistrationSettings.Command command, [FromServices] RegistrationSettings.Handler handler, CancellationToken cancellationToken) =>
        SaveAsync(command, () => handler.HandleAsync(command, cancellationToken), nameof(Registration));

    [HttpGet("pontuacao")]
    public async Task<IActionResult> Earning([FromServices] EarningSettings.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.LoadAsync(cancellationToken));

    [HttpPost("pontuacao")]
    public Task<IActionResult> Earning(EarningSettings.Command command, [FromServices] EarningSettings.Handler handler, CancellationToken cancellationToken) =>
        SaveAsync(command, () => handler.HandleAsync(command, cancellationToken), nameof(Earning));

    [HttpGet("cartoes")]
    public async Task<IActionResult> Cards([FromServices] CardSettings.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.LoadAsync(cancellationToken));

    [HttpPost("cartoes")]
    public Task<IActionResult> Cards(CardSettings.Command command, [FromServices] CardSettings.Handler handler, CancellationToken cancellationToken) =>
        SaveAsync(command, () => handler.HandleAsync(command, cancellationToken), nameof(Cards));

    // Post-Redirect-Get; on a binding or validation error the same view again, with what was typed and the messages.
    private async Task<IActionResult> SaveAsync(object command, Func<Task<CommandResult<bool>>> save, string page)
    {
        if (!ModelState.IsValid)
        {
            return View(page, command);
        }
        var result = await save();
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(page, command);
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(page);
    }
}
