using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Blocks;

[Route("bloqueios")]
[Authorize(Policy = StaffPolicies.RedemptionBlocks)]
public sealed class BlocksController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(BlockList.Query query, [FromServices] BlockList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(query, cancellationToken));

    [HttpGet("novo")]
    public async Task<IActionResult> Create(BlockCustomer.Command command, [FromServices] BlockCustomer.Handler handler,
        CancellationToken cancellationToken)
    {
        ModelState.Clear(); // a GET fills the form; its fields are not checked until it is posted
        return View(await handler.ScreenAsync(command, cancellationToken));
    }

    [HttpPost("novo")]
    public async Task<IActionResult> Block(BlockCustomer.Command command, [FromServices] BlockCustomer.Handler handler,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(command, BlockActor.Of(User), cancellationToken);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState, "Command.");
            return View(nameof(Create), await handler.ScreenAsync(command, cancellationToken));
        }
        TempData[Flash.Success] = l["Blocks.Blocked"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/remover")]
    public async Task<IActionResult> Remove(Guid id, bool returnToCustomer, [FromServices] RemoveBlock.Handler handler,
        CancellationToken cancellationToken)
    {
        if (await handler.HandleAsync(id, BlockActor.Of(User), cancellationToken) is not { } customerId)
        {
            return NotFound();
        }
        TempData[Flash.Success] = l["Blocks.Removed"].Value;
        return returnToCustomer ? Redirect($"/clientes/{customerId}") : RedirectToAction(nameof(Index));
    }
}
