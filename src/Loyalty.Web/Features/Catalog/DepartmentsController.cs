using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Catalog;

/// <summary>"Departamentos e seções" of the product catalogue: list, create, rename, delete what groups nothing.</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("departamentos")]
public sealed class DepartmentsController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string FormView = "/Features/Catalog/GroupForm.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] DepartmentList.Handler handler, CancellationToken cancellationToken) =>
        View("/Features/Catalog/Departments.cshtml", await handler.HandleAsync(cancellationToken));

    [HttpGet("novo")]
    public IActionResult Create() => View(FormView, new CatalogGroupForm());

    [HttpPost("novo")]
    public Task<IActionResult> Create(CatalogGroupForm form, [FromServices] SaveCatalogGroup.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = Guid.Empty;
        form.DepartmentId = null;
        return Save(form, handler, cancellationToken);
    }

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] SaveCatalogGroup.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadDepartmentAsync(id, cancellationToken) is { } form ? View(FormView, form) : NotFound();

    [HttpPost("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, CatalogGroupForm form, [FromServices] SaveCatalogGroup.Handler handler, CancellationToken cancellationToken)
    {
        if (await handler.LoadDepartmentAsync(id, cancellationToken) is not { } current)
        {
            return NotFound();
        }
        current.Name = form.Name;
        return await Save(current, handler, cancellationToken);
    }

    [HttpGet("{departmentId:guid}/secoes/nova")]
    public async Task<IActionResult> CreateSection(Guid departmentId, [FromServices] SaveCatalogGroup.Handler handler, CancellationToken cancellationToken) =>
        await handler.NewSectionAsync(departmentId, cancellationToken) is { } form ? View(FormView, form) : NotFound();

    [HttpPost("{departmentId:guid}/secoes/nova")]
    public async Task<IActionResult> CreateSection(Guid departmentId, CatalogGroupForm form, [FromServices] SaveCatalogGroup.Handler handler,
        CancellationToken cancellationToken)
    {
        if (await handler.NewSectionAsync(departmentId, cancellationToken) is not { } blank)
        {
            return NotFound();
        }
        blank.Code = form.Code;
        blank.Name = form.Name;
        return await Save(blank, handler, cancellationToken);
    }

    [HttpGet("secoes/{id:guid}/editar")]
    public async Task<IActionResult> EditSection(Guid id, [FromServices] SaveCatalogGroup.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadSectionAsync(id, cancellationToken) is { } form ? View(FormView, form) : NotFound();

    [HttpPost("secoes/{id:guid}/editar")]
    public async Task<IActionResult> EditSection(Guid id, CatalogGroupForm form, [FromServices] SaveCatalogGroup.Handler handler,
        CancellationToken cancellationToken)
    {
        if (await handler.LoadSectionAsync(id, cancellationToken) is not { } current)
        {
            return NotFound();
        }
        current.Name = form.Name;
        return await Save(current, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/excluir")]
    public Task<IActionResult> Delete(Guid id, [FromServices] DeleteCatalogGroup.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.DepartmentAsync(id, cancellationToken), "Catalog.DepartmentDeleted");

    [HttpPost("secoes/{id:guid}/excluir")]
    public Task<IActionResult> DeleteSection(Guid id, [FromServices] DeleteCatalogGroup.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.SectionAsync(id, cancellationToken), "Catalog.SectionDeleted");

    private async Task<IActionResult> Save(CatalogGroupForm form, SaveCatalogGroup.Handler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(FormView, form);
        }
        var result = await handler.HandleAsync(form, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            return View(FormView, form);
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
