using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Features.CardMovements;

[Authorize(Policy = StaffPolicies.CardMovements)]
[Route("cartoes/movimento")]
public sealed class CardMovementsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(MovementLog.Query query, [FromServices] MovementLog.Handler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // a filter is read as typed; a period the wrong way round is said on the page
        return View(await handler.HandleAsync(query, cancellationToken));
    }
}
