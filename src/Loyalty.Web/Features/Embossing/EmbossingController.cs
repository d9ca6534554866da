using Loyalty.Domain.Cards.Embossing;
using Loyalty.Web.Features.Blocks;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Features.Embossing;

/// <summary>"Cartões para Embossing", tab Embossing (seed 001): filter the approved cards, generate the batch in the background.</summary>
[Authorize(Policy = StaffPolicies.Embossing)]
[Route("cartoes/embossing")]
public sealed class EmbossingController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] EmbossingFilter filter, [FromQuery(Name = "pagina")] int page,
        [FromServices] EmbossingCandidates.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await handler.ValidateAsync(filter, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError("Filter." + error.PropertyName, error.ErrorMessage);
        }
        return View(await handler.HandleAsync(filter, page, ModelState.IsValid, cancellationToken));
    }

    [HttpPost("gerar")]
    public async Task<IActionResult> Generate([FromForm] EmbossingFilter filter, [FromForm] Guid requestKey,
        [FromServices] EmbossingCandidates.Handler candidates, [FromServices] RequestBatch.Handler handler, CancellationToken cancellationToken)
    {
        var validation = await candidates.ValidateAsync(filter, cancellationToken);
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError("Filter." + error.PropertyName, error.ErrorMessage);
        }
        if (!ModelState.IsValid || requestKey == Guid.Empty)
        {
            return View(nameof(Index), await candidates.HandleAsync(filter, 1, false, cancellationToken));
        }
        var actor = BlockActor.Of(User);
        var key = await handler.HandleAsync(requestKey, filter, actor.UserId, actor.Name, cancellationToken);
        return RedirectToAction(nameof(Progress), new { key });
    }

    [HttpGet("pedidos/{key:guid}")]
    public async Task<IActionResult> Progress(Guid key, [FromServices] RequestProgress.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(key, cancellationToken) is { } model ? View(model) : NotFound();
}
