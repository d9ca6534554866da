using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Credit.ScoreSets;

[Route("credito/parametros")]
[Authorize(Policy = StaffPolicies.TenantAdministration)]
public sealed class ScoreSetsController(EditScoreSet.Handler handler, IStringLocalizer<SharedResource> l) : Controller
{
    private const string EditView = "~/Features/Credit/ScoreSets/Edit.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ScoreSetList.Handler list, CancellationToken cancellationToken) =>
        View("~/Features/Credit/ScoreSets/Index.cshtml", await list.HandleAsync(cancellationToken));

    [HttpGet("novo")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(EditView, await handler.LoadAsync(null, cancellationToken));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } command ? View(EditView, command) : NotFound();

    [HttpPost("novo")]
    public Task<IActionResult> SaveNew(EditScoreSet.Command command, CancellationToken cancellationToken)
    {
        command.Id = null;
        return SaveAsync(command, cancellationToken);
    }

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Save(Guid id, EditScoreSet.Command command, CancellationToken cancellationToken)
    {
        command.Id = id;
        return SaveAsync(command, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(EditScoreSet.Command command, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await handler.SaveAsync(command, cancellationToken) : CommandResult<Guid>.Failure([]);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded || !ModelState.IsValid)
        {
            result.CopyTo(ModelState);
            return View(EditView, command); // as posted: the rows keep the indexes the messages name
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}
