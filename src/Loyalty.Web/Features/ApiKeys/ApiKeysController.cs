using Loyalty.Web.Features.Shared;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.ApiKeys;

[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("chaves-api")]
public sealed class ApiKeysController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ApiKeyList.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("nova")]
    public async Task<IActionResult> Create([FromServices] StoreList.Handler stores, CancellationToken cancellationToken)
    {
        ViewBag.Stores = (await stores.HandleAsync(cancellationToken)).Where(s => s.IsActive).ToList();
        return View(new CreateApiKey.Command());
    }

    // The secret is rendered in this response only (never redirected, never stored): it cannot be shown again.
    [HttpPost("nova")]
    public async Task<IActionResult> Create(
        CreateApiKey.Command command, [FromServices] CreateApiKey.Handler handler, [FromServices] StoreList.Handler stores,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(command, User.GetUserId(), cancellationToken);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            ViewBag.Stores = (await stores.HandleAsync(cancellationToken)).Where(s => s.IsActive).ToList();
            return View(command);
        }
        Response.Headers.CacheControl = "no-store";
        return View("Issued", result.Value);
    }

    [HttpPost("{id:guid}/revogar")]
    public async Task<IActionResult> Revoke(Guid id, [FromServices] RevokeApiKey.Handler handler, CancellationToken cancellationToken)
    {
        if (!await handler.HandleAsync(id, User.GetUserId(), cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Success] = l["ApiKey.Revoked"].Value;
        return RedirectToAction(nameof(Index));
    }
}
