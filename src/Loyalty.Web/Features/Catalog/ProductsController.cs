using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Catalog;

/// <summary>"Produtos": the catalogue list with search and department filter, create, edit, inactivate/reactivate.</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("produtos")]
public sealed class ProductsController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string FormView = "/Features/Catalog/ProductForm.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(ProductList.Query query, [FromServices] ProductList.Handler handler, CancellationToken cancellationToken) =>
        View("/Features/Catalog/Products.cshtml", await handler.HandleAsync(query, cancellationToken));

    [HttpGet("novo")]
    public async Task<IActionResult> Create([FromServices] SaveProduct.Handler handler, CancellationToken cancellationToken) =>
        View(FormView, await handler.WithChoicesAsync(new ProductForm(), cancellationToken));

    [HttpGet("{id:guid}/editar")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] SaveProduct.Handler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } form ? View(FormView, form) : NotFound();

    [HttpPost("novo")]
    public Task<IActionResult> Create(ProductForm form, [FromServices] SaveProduct.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = Guid.Empty;
        return Save(form, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/editar")]
    public Task<IActionResult> Edit(Guid id, ProductForm form, [FromServices] SaveProduct.Handler handler, CancellationToken cancellationToken)
    {
        form.Id = id;
        return Save(form, handler, cancellationToken);
    }

    [HttpPost("{id:guid}/inativar")]
    public Task<IActionResult> Inactivate(Guid id, [FromServices] ProductStatus.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.SetActiveAsync(id, false, cancellationToken), "Product.Inactivated");

    [HttpPost("{id:guid}/reativar")]
    public Task<IActionResult> Reactivate(Guid id, [FromServices] ProductStatus.Handler handler, CancellationToken cancellationToken) =>
        Done(handler.SetActiveAsync(id, true, cancellationToken), "Product.Reactivated");

    private async Task<IActionResult> Save(ProductForm form, SaveProduct.Handler handler, CancellationToken cancellationToken)
    {
        var stored = form.IsNew ? null : await handler.LoadAsync(form.Id, cancellationToken);
        if (!form.IsNew && stored is null)
        {
            return NotFound();
        }
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
                return RedirectToAction(nameof(Index));
            }
            result.CopyTo(ModelState);
        }
        if (stored is not null)
        {
            form.Code = stored.Code;
            form.IsActive = stored.IsActive;
        }
        return View(FormView, await handler.WithChoicesAsync(form, cancellationToken));
    }

    private async Task<IActionResult> Done(Task<bool> action, string message)
    {
        if (!await action)
        {
            return NotFound();
        }
        TempData[Flash.Success] = l[message].Value;
        var back = Request.Headers.Referer.ToString();
        return Uri.TryCreate(back, UriKind.Absolute, out var uri) && uri.AbsolutePath.StartsWith("/produtos", StringComparison.Ordinal)
            ? LocalRedirect(uri.PathAndQuery)
            : RedirectToAction(nameof(Index));
    }
}
