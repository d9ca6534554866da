using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.CardMaintenance;

/// <summary>"Manutenção de cartão": find a card, see it with its history, set its PIN, block, unblock, cancel, reissue.</summary>
[Authorize(Policy = StaffPolicies.CardMaintenance)]
[Route("cartoes")]
public sealed class CardMaintenanceController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Search(string? q, string? situacao, [FromServices] CardSearch.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(q, situacao, cancellationToken));

    [HttpGet("vencidos")]
    public async Task<IActionResult> Expiring(ExpiringCards.Query query, [FromServices] ExpiringCards.Handler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return View("Expiring", await handler.HandleAsync(query, cancellationToken));
    }

    /// <summary>The card by its whole number (typed or read from the plastic) or by its id (links).</summary>
    [HttpGet("{key:regex(^(\\d{{8,19}}|[[0-9a-fA-F-]]{{36}})$)}")]
    public async Task<IActionResult> Show(string key, [FromServices] CardScreen.Handler handler, CancellationToken cancellationToken) =>
        await handler.FindAsync(key, cancellationToken) is { } id && await handler.HandleAsync(id, cancellationToken) is { } model
            ? View("Screen", model)
            : NotFound();

    [HttpPost("{id:guid}/bloquear")]
    public Task<IActionResult> Block(Guid id, CardAction.Command command, [FromServices] CardAction.Handler handler,
        [FromServices] CardScreen.Handler screen, CancellationToken cancellationToken) =>
        Act(id, CardOperations.Block, command, handler, screen, cancellationToken);

    [HttpPost("{id:guid}/desbloquear")]
    public Task<IActionResult> Unblock(Guid id, CardAction.Command command, [FromServices] CardAction.Handler handler,
        [FromServices] CardScreen.Handler screen, CancellationToken cancellationToken) =>
        Act(id, CardOperations.Unblock, command, handler, screen, cancellationToken);

    [HttpPost("{id:guid}/cancelar")]
    public Task<IActionResult> Cancel(Guid id, CardAction.Command command, [FromServices] CardAction.Handler handler,
        [FromServices] CardScreen.Handler screen, CancellationToken cancellationToken) =>
        Act(id, CardOperations.Cancel, command, handler, screen, cancellationToken);

    [HttpPost("{id:guid}/reemitir")]
    public Task<IActionResult> Reissue(Guid id, CardAction.Command command, [FromServices] CardAction.Handler handler,
        [FromServices] CardScreen.Handler screen, CancellationToken cancellationToken) =>
        Act(id, CardOperations.Reissue, command, handler, screen, cancellationToken);

    [HttpPost("{id:guid}/senha")]
    public async Task<IActionResult> Pin(Guid id, ChangePin.Command command, [FromServices] ChangePin.Handler handler,
        [FromServices] CardScreen.Handler screen, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the PIN fields are checked by the handler, with their own messages
        var result = await handler.HandleAsync(id, command, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState, "Pin.");
            return await ScreenAsync(id, screen, cancellationToken);
        }
        TempData[Flash.Success] = l[result.Value switch
        {
            ChangePin.Mode.First => "CardPin.Saved",
            ChangePin.Mode.ResetLocked => "CardPin.Unlocked",
            _ => "CardPin.Changed",
        }].Value;
        return Redirect($"/cartoes/{await screen.NumberAsync(id, cancellationToken)}");
    }

    private async Task<IActionResult> Act(Guid id, CardOperations operation, CardAction.Command command, CardAction.Handler handler,
        CardScreen.Handler screen, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(id, operation, command, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState, operation + ".");
            ViewData["Typed." + operation] = command;
            return await ScreenAsync(id, screen, cancellationToken);
        }
        TempData[Flash.Success] = l["CardAction.Done." + operation].Value;
        return Redirect($"/cartoes/{await screen.NumberAsync(result.Value, cancellationToken)}");
    }

    private async Task<IActionResult> ScreenAsync(Guid id, CardScreen.Handler screen, CancellationToken cancellationToken) =>
        await screen.HandleAsync(id, cancellationToken) is { } model ? View("Screen", model) : NotFound();
}
