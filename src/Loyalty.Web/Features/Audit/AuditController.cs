using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Features.Audit;

[Authorize(Policy = StaffPolicies.AuditLog)]
[Route("auditoria")]
public sealed class AuditController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditLog.Query query, [FromServices] AuditLog.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(query, cancellationToken));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Detail(long id, [FromServices] AuditChangeDetail.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(id, cancellationToken) is { } result ? View(result) : NotFound();
}
