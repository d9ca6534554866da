using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.CardReasons;

/// <summary>"Motivos de cartão": the tenant's list of reasons for block, unblock, cancel and reissue.</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("cartoes/motivos")]
public sealed class CardReasonsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ReasonList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("novo")]
    public IActionResult Create() => View("Form", new ReasonForm());

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] SaveReason.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } form ? View("Form", form) : NotFound();

    [HttpPost("novo")]
    public Task<IActionResult> Create(ReasonForm form, [FromServices] SaveReason.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = Guid.Empty;
        return Save(form, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/editar")]
    public Task<IActionResult> Edit(Guid id, ReasonForm form, [FromServices] SaveReason.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = id;
        return Save(form, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/inativar")]
    public Task<IActionResult> Inactivate(Guid id, [FromServices] ReasonStatus.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.SetActiveAsync(id, false, cancellationToken), "CardReason.Inactivated");

    [HttpPost("{id:guid}/reativar")]
    public Task<IActionResult> Reactivate(Guid id, [FromServices] ReasonStatus.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.SetActiveAsync(id, true, cancellationToken), "CardReason.Reactivated");

    private async Task<IActionResult> Save(ReasonForm form, SaveReason.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Form", form);
        }
        var result = await handler.HandleAsync(form, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View("Form", form);
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Done(Task<bool> action, string message)
    {
        if (!await action)
        {
            return NotFound();
        }
        TempData[Flash.Success] = l[message].Value;
        return RedirectToAction(nameof(Index));
    }
}
