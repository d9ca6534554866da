using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Agreements;

/// <summary>"Convênios": the agreement companies — list, create, edit, inactivate/reactivate (never deleted).</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("convenios")]
public sealed class AgreementsController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] AgreementCompanyList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("novo")]
    public IActionResult Create() => View("Form", new AgreementCompanyForm());

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] SaveAgreementCompany.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } form ? View("Form", form) : NotFound();

    [HttpPost("novo")]
    public Task<IActionResult> Create(AgreementCompanyForm form, [FromServices] SaveAgreementCompany.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = Guid.Empty;
        return Save(form, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/editar")]
    public Task<IActionResult> Edit(Guid id, AgreementCompanyForm form, [FromServices] SaveAgreementCompany.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = id;
        return Save(form, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/inativar")]
    public Task<IActionResult> Inactivate(Guid id, [FromServices] AgreementCompanyStatus.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.SetActiveAsync(id, false, cancellationToken), "Agreement.Inactivated");

    [HttpPost("{id:guid}/reativar")]
    public Task<IActionResult> Reactivate(Guid id, [FromServices] AgreementCompanyStatus.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.SetActiveAsync(id, true, cancellationToken), "Agreement.Reactivated");

    private async Task<IActionResult> Save(AgreementCompanyForm form, SaveAgreementCompany.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Form", form);
        }
        var result = await handler.HandleAsync(form, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View("Form", form);
        }
        TempData[Flash.Success] = l["Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Done(Task<bool> action, string message)
    {
        if (!await action)
        {
            return NotFound();
        }
        TempData[Flash.Success] = l[message].Value;
        return RedirectToAction(nameof(Index));
    }
}
