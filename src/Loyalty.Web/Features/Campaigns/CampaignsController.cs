using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>"Cadastro de Campanhas": the list, the main data ("Dados Principais") and the summary of one campaign.</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("campanhas")]
public sealed class CampaignsController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string FormView = "/Features/Campaigns/Form.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(CampaignList.Query query, [FromServices] CampaignList.Handler handler, CancellationToken cancellationToken) =>
        View("/Features/Campaigns/Index.cshtml", await handler.HandleAsync(query, cancellationToken));

    [HttpGet("nova")]
    public async Task<IActionResult> Create([FromServices] SaveCampaign.Handler handler, CancellationToken cancellationToken) =>
        View(FormView, await handler.WithChoicesAsync(new CampaignForm(), cancellationToken));

    [HttpPost("nova")]
    public Task<IActionResult> Create(CampaignForm form, [FromServices] SaveCampaign.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = Guid.Empty;
        return Save(form, handler, cancellationToken);
    }

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] SaveCampaign.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } form ? View(FormView, form) : NotFound();

    [HttpPost("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, CampaignForm form, [FromServices] SaveCampaign.Handler handler, CancellationToken cancellationToken)
    {
        if (await handler.LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        form.Id = id;
        return await Save(form, handler, cancellationToken);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, [FromServices] CampaignSummary.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, cancellationToken) is { } summary ? View("/Features/Campaigns/Details.cshtml", summary) : NotFound();

    [HttpPost("{id:guid}/situacao")]
    public async Task<IActionResult> ChangeSituation(Guid id, ChangeSituation.Command command, [FromServices] ChangeSituation.Handler handler,
        CancellationToken cancellationToken)
    {
        if (!await handler.HandleAsync(id, command, cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Success] = l["Campaign.SituationChanged"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<IActionResult> Save(CampaignForm form, SaveCampaign.Handler handler, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.HandleAsync(form, cancellationToken);
            if (result is null)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData[Flash.Success] = l["Saved"].Value;
                return form.IsNew ? Redirect($"/campanhas/{result.Value}/filiais") : RedirectToAction(nameof(Details), new { id = result.Value });
            }
            result.CopyTo(ModelState);
        }
        else
        {
            // A value that could not even be read (letters in a number) still lets every other field say what is wrong.
            foreach (var error in await handler.ValidateAsync(form, cancellationToken))
            {
                if (ModelState.GetFieldValidationState(error.Field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                {
                    ModelState.AddModelError(error.Field, error.Message);
                }
            }
        }
        return View(FormView, await handler.WithChoicesAsync(form, cancellationToken));
    }
}
