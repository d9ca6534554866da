using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.PointsAudit;

/// <summary>"Auditoria de pontos": the queue of accruals waiting for approval, for TenantAdmins and store managers.</summary>
[Route("auditoria-pontos")]
[Authorize(Policy = StaffPolicies.PointsAudit)]
public sealed class PointsAuditController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(AuditQueue.Query query, [FromServices] AuditQueue.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(query, cancellationToken));

    [HttpPost("decidir")]
    public async Task<IActionResult> Decide(DecideAudit.Command command, [FromForm] int page, [FromServices] DecideAudit.Handler decide,
        [FromServices] AuditQueue.Handler queue, CancellationToken cancellationToken)
    {
        var result = await decide.HandleAsync(command, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            // The same page with the same rows ticked and the reason as typed: only the missing piece is asked for.
            ViewData["Reason"] = command.Reason;
            ViewData["Selected"] = command.Ids.ToHashSet();
            return View(nameof(Index), await queue.HandleAsync(new AuditQueue.Query(page), cancellationToken));
        }
        TempData[Flash.Success] = (command.Decision == DecideAudit.Approve ? l.Plural("PointsAudit.Approved", result.Value) : l.Plural("PointsAudit.Rejected", result.Value)).Value;
        return RedirectToAction(nameof(Index));
    }
}
