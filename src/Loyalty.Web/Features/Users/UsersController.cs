using Loyalty.Web.Features.Shared;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Users;

[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("usuarios")]
public sealed class UsersController(IStringLocalizer<SharedResource> l, StoreList.Handler stores) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] UserList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("novo")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        await FormView(new CreateUser.Command(), cancellationToken);

    [HttpPost("novo")]
    public async Task<IActionResult> Create(CreateUser.Command command, [FromServices] CreateUser.Handler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(command, cancellationToken);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return await FormView(command, cancellationToken);
        }
        TempData[Flash.Success] = l["User.Created"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] EditUser.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } command ? await FormView(command, cancellationToken) : NotFound();

    [HttpPost("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, EditUser.Command command, [FromServices] EditUser.Handler handler, CancellationToken cancellationToken)
    {
        command.Id = id;
        var result = await handler.HandleAsync(command, User.GetUserId()!.Value, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return await FormView(command, cancellationToken);
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/desbloquear")]
    public async Task<IActionResult> Unlock(Guid id, [FromServices] UnlockUser.Handler handler, CancellationToken cancellationToken)
    {
        if (!await handler.HandleAsync(id, cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Success] = l["User.Unlocked"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> FormView(UserForm form, CancellationToken cancellationToken)
    {
        ViewBag.Stores = (await stores.HandleAsync(cancellationToken)).Where(s => s.IsActive || form.StoreIds.Contains(s.Id)).ToList();
        return View(form);
    }
}
