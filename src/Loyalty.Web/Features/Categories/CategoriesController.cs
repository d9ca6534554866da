using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Categories;

/// <summary>"Categoria de clientes": list, create, edit, inactivate/reactivate, delete when unused.</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("categorias")]
public sealed class CategoriesController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] CategoryList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("nova")]
    public IActionResult Create() => View("Form", new CategoryForm());

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] SaveCategory.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } form ? View("Form", form) : NotFound();

    [HttpPost("nova")]
    public Task<IActionResult> Create(CategoryForm form, [FromServices] SaveCategory.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = Guid.Empty;
        return Save(form, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/editar")]
    public Task<IActionResult> Edit(Guid id, CategoryForm form, [FromServices] SaveCategory.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = id;
        return Save(form, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/inativar")]
    public Task<IActionResult> Inactivate(Guid id, [FromServices] CategoryStatus.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.SetActiveAsync(id, false, cancellationToken), "Category.Inactivated");

    [HttpPost("{id:guid}/reativar")]
    public Task<IActionResult> Reactivate(Guid id, [FromServices] CategoryStatus.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.SetActiveAsync(id, true, cancellationToken), "Category.Reactivated");

    [HttpPost("{id:guid}/excluir")]
    public Task<IActionResult> Delete(Guid id, [FromServices] CategoryStatus.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.DeleteAsync(id, cancellationToken), "Category.Deleted");

    private async Task<IActionResult> Save(CategoryForm form, SaveCategory.Handler handler, CancellationToken cancellationToken)
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
