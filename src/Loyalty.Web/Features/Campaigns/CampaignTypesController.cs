using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Tipos de campanha": one page to list, add, rename and delete the tenant's campaign types.</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("campanhas/tipos")]
public sealed class CampaignTypesController(CampaignTypes.Handler handler, IStringLocalizer<SharedResource> l) : Controller
{
    private const string PageView = "/Features/Campaigns/Types.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(PageView, await handler.PageAsync(new CampaignTypes.Form(), cancellationToken));

    [HttpPost("")]
    public Task<IActionResult> Add(CampaignTypes.Form form, CancellationToken cancellationToken)
    {
        form.Id = Guid.Empty;
        return Save(form, cancellationToken);
    }

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Rename(Guid id, CampaignTypes.Form form, CancellationToken cancellationToken)
    {
        form.Id = id;
        return Save(form, cancellationToken);
    }

    [HttpPost("{id:guid}/excluir")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        if (!await handler.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Success] = l["CampaignType.Deleted"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Save(CampaignTypes.Form form, CancellationToken cancellationToken)
    {
        var result = await handler.SaveAsync(form, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(PageView, await handler.PageAsync(form, cancellationToken));
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}
