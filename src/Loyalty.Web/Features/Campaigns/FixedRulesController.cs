using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>The tabs of a fixed campaign: "Concessão" (points per R$ by department/section, one store at a time) and
/// "Prêmios" (the prize catalogue).</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("campanhas/{id:guid}")]
public sealed class FixedRulesController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string ConcessionView = "/Features/Campaigns/Concession.cshtml";
    private const string PrizesView = "/Features/Campaigns/Prizes.cshtml";

    [HttpGet("concessao")]
    public async Task<IActionResult> Concession(Guid id, [FromQuery(Name = "loja")] Guid? storeId, [FromServices] ConcessionGrid.Handler handler,
        CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, storeId, cancellationToken) is { } form ? View(ConcessionView, form) : NotFound();

    [HttpPost("concessao")]
    public async Task<IActionResult> Concession(Guid id, ConcessionGrid.Form form, [FromServices] ConcessionGrid.Handler handler,
        CancellationToken cancellationToken)
    {
        if (await handler.DescribeAsync(id, form, cancellationToken) is null)
        {
            return NotFound();
        }
        var result = await handler.SaveAsync(id, form, checkOnly: !ModelState.IsValid, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (result.Succeeded && ModelState.IsValid)
        {
            TempData[Flash.Success] = l["Saved"].Value;
            return Redirect($"/campanhas/{id}/concessao?loja={form.StoreId}");
        }
        result.Errors.AddTo(ModelState);
        return View(ConcessionView, form);
    }

    [HttpGet("premios")]
    public async Task<IActionResult> Prizes(Guid id, [FromServices] CampaignPrizes.Handler handler, CancellationToken cancellationToken) =>
        await handler.PageAsync(id, new CampaignPrizes.Form(), cancellationToken) is { } page ? View(PrizesView, page) : NotFound();

    [HttpPost("premios")]
    public Task<IActionResult> AddPrize(Guid id, CampaignPrizes.Form form, [FromServices] CampaignPrizes.Handler handler,
        CancellationToken cancellationToken)
    {
        form.Id = Guid.Empty;
        return SavePrize(id, form, handler, cancellationToken);
    }

    [HttpPost("premios/{prizeId:guid}")]
    public Task<IActionResult> EditPrize(Guid id, Guid prizeId, CampaignPrizes.Form form, [FromServices] CampaignPrizes.Handler handler,
        CancellationToken cancellationToken)
    {
        form.Id = prizeId;
        return SavePrize(id, form, handler, cancellationToken);
    }

    [HttpPost("premios/{prizeId:guid}/excluir")]
    public async Task<IActionResult> RemovePrize(Guid id, Guid prizeId, [FromServices] CampaignPrizes.Handler handler,
        CancellationToken cancellationToken)
    {
        if (!await handler.RemoveAsync(id, prizeId, cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Success] = l["Campaign.PrizeRemoved"].Value;
        return RedirectToAction(nameof(Prizes), new { id });
    }

    private async Task<IActionResult> SavePrize(Guid id, CampaignPrizes.Form form, CampaignPrizes.Handler handler, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.SaveAsync(id, form, cancellationToken);
            if (result is null)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData[Flash.Success] = l["Saved"].Value;
                return RedirectToAction(nameof(Prizes), new { id });
            }
            result.CopyTo(ModelState);
        }
        return await handler.PageAsync(id, form, cancellationToken) is { } page ? View(PrizesView, page) : NotFound();
    }
}
