using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Filiais participantes" of a campaign: the stores grid, its two fill buttons and Confirm.</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("campanhas/{id:guid}/filiais")]
public sealed class CampaignStoresController(CampaignStoresGrid.Handler handler, IStringLocalizer<SharedResource> l) : Controller
{
    private const string GridView = "/Features/Campaigns/Stores.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } form ? View(GridView, form) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Index(Guid id, CampaignStoresGrid.Form form, [FromForm(Name = GridCommand.Field)] string? command,
        CancellationToken cancellationToken)
    {
        if (await handler.DescribeAsync(id, form, cancellationToken) is null)
        {
            return NotFound();
        }
        if (command is CampaignStoresGrid.SplitForecast or CampaignStoresGrid.FillPeriod && ModelState.IsValid)
        {
            if (command == CampaignStoresGrid.SplitForecast)
            {
                handler.SplitForecast(form);
            }
            else
            {
                await handler.FillPeriodAsync(id, form, cancellationToken);
            }
            // The grid shows the filled values, not what was posted; nothing is saved until Confirm.
            ModelState.Clear();
            ViewData["Notice"] = l["Campaign.NotSavedYet"].Value;
            return View(GridView, form);
        }
        var result = await handler.SaveAsync(id, form, checkOnly: !ModelState.IsValid || command is not null, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded || !ModelState.IsValid || command is not null)
        {
            result.Errors.AddTo(ModelState);
            return View(GridView, form);
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Index), new { id });
    }
}
