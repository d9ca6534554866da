using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Stores;

[Route("lojas")]
public sealed class StoresController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = StaffPolicies.StoreStaff)]
    public async Task<IActionResult> Index([FromServices] StoreList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("{id:guid}")]
    [Authorize(Policy = StaffPolicies.StoreStaff)]
    public async Task<IActionResult> Details(Guid id, [FromServices] StoreDetails.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("nova")]
    [Authorize(Policy = StaffPolicies.TenantAdministration)]
    public IActionResult Create() => View(new CreateStore.Command());

    [HttpPost("nova")]
    [Authorize(Policy = StaffPolicies.TenantAdministration)]
    public async Task<IActionResult> Create(CreateStore.Command command, [FromServices] CreateStore.Handler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(command, cancellationToken);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(command);
        }
        TempData[Flash.Success] = l["Store.Created"].Value;
        return RedirectToAction(nameof(Details), new { id = result.Value });
    }

    [HttpGet("{id:guid}/editar")]
    [Authorize(Policy = StaffPolicies.TenantAdministration)]
    public async Task<IActionResult> Edit(Guid id, [FromServices] EditStore.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } command ? View(command) : NotFound();

    [HttpPost("{id:guid}/editar")]
    [Authorize(Policy = StaffPolicies.TenantAdministration)]
    public async Task<IActionResult> Edit(Guid id, EditStore.Command command, [FromServices] EditStore.Handler handler, CancellationToken cancellationToken)
    {
        command.Id = id;
        var result = await handler.HandleAsync(command, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(command);
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/ativar")]
    [Authorize(Policy = StaffPolicies.TenantAdministration)]
    public Task<IActionResult> Activate(Guid id, [FromServices] EditStore.Handler handler, CancellationToken cancellationToken) =>
        SetActive(id, true, handler, cancellationToken);

    [HttpPost("{id:guid}/inativar")]
    [Authorize(Policy = StaffPolicies.TenantAdministration)]
    public Task<IActionResult> Deactivate(Guid id, [FromServices] EditStore.Handler handler, CancellationToken cancellationToken) =>
        SetActive(id, false, handler, cancellationToken);

    private async Task<IActionResult> SetActive(Guid id, bool active, EditStore.Handler handler, CancellationToken cancellationToken)
    {
        if (!await handler.SetActiveAsync(id, active, cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Success] = l[active ? "Store.Activated" : "Store.Deactivated"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }
}
