using Hangfire;
using Loyalty.Domain.DailyClose;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Jobs;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.DailyClose;

/// <summary>The runs of the daily close and the seed's "F9 – Fech Diário": run it now, in the background.</summary>
[Authorize(Policy = StaffPolicies.TenantAdministration)]
[Route("fechamento-diario")]
public sealed class DailyCloseController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] DailyCloseHistory.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(new DailyCloseHistory.RunForm(), cancellationToken));

    [HttpPost("executar")]
    public async Task<IActionResult> Run([Bind(Prefix = "Form")] DailyCloseHistory.RunForm form, [FromServices] DailyCloseHistory.Handler handler,
        [FromServices] IBackgroundJobClient jobs, [FromServices] TenantContext tenant, CancellationToken cancellationToken)
    {
        if (form.BusinessDate is { } date && !await handler.HasEndedAsync(date, cancellationToken))
        {
            ModelState.AddModelError("Form.BusinessDate", l["DailyClose.DateNotEnded"]);
        }
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await handler.HandleAsync(form, cancellationToken));
        }
        var tenantId = tenant.RequiredTenantId;
        var businessDate = form.BusinessDate;
        jobs.Enqueue<DailyCloseJob>(j => j.RunOnDemandAsync(tenantId, businessDate, DailyCloseTrigger.Manual, CancellationToken.None));
        TempData[Flash.Success] = l["DailyClose.Enqueued"].Value;
        return RedirectToAction(nameof(Index));
    }
}
