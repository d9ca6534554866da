using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Credit.Modalities;

[Route("credito/modalidades")]
[Authorize(Policy = StaffPolicies.TenantAdministration)]
public sealed class CreditModalitiesController(CreditModalities.Handler handler, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("~/Features/Credit/Modalities/Index.cshtml", await handler.ScreenAsync(null, cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Save(CreditModalities.Command command, CancellationToken cancellationToken)
    {
        // A refused character was already put next to the field by the binder: nothing is saved then.
        var result = ModelState.IsValid ? await handler.SaveAsync(command, cancellationToken) : Web.Features.Shared.CommandResult<Guid>.Failure([]);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded || !ModelState.IsValid)
        {
            result.CopyTo(ModelState, "Command.");
            return View("~/Features/Credit/Modalities/Index.cshtml", await handler.ScreenAsync(command, cancellationToken));
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/ativa")]
    public async Task<IActionResult> SetActive(Guid id, bool active, CancellationToken cancellationToken)
    {
        if (!await handler.SetActiveAsync(id, active, cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}
