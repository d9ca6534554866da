using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Credit.AnalyseAll;
using Loyalty.Web.Features.Cards;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Credit;

[Route("credito/analise")]
[Authorize(Policy = StaffPolicies.CreditAnalysis)]
public sealed class CreditAnalysisController(IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    private const string CustomerView = "~/Features/Credit/Customer.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(PendingAnalysis.Query query, [FromServices] PendingAnalysis.Handler handler,
        CancellationToken cancellationToken) =>
        View("~/Features/Credit/Index.cshtml", await handler.HandleAsync(query, cancellationToken));

    [HttpGet("reprovados.pdf")]
    public async Task<IActionResult> RejectedPdf([FromServices] RejectedReport.Handler report, CancellationToken cancellationToken)
    {
        // Personal data: never kept by a browser or proxy cache (SPEC §12).
        Response.Headers.CacheControl = "no-store";
        return File(await report.PdfAsync(cancellationToken), "application/pdf", $"reprovados-{clock.GetUtcNow():yyyyMMdd}.pdf");
    }

    /// <summary>"Analisar todos": decides every pending (06) customer by score in a background job.</summary>
    [HttpPost("analisar-todos")]
    public async Task<IActionResult> AnalyseAll([FromForm] Guid requestKey, [FromServices] RequestAnalyseAll.Handler handler,
        [FromServices] StaffAuthority authority, CancellationToken cancellationToken)
    {
        var analyst = await authority.AnalystAsync(User, clock.GetUtcNow(), cancellationToken);
        var result = await handler.HandleAsync(requestKey, analyst.UserId, analyst.Name, cancellationToken);
        if (!result.Succeeded)
        {
            TempData[Flash.Error] = result.Errors[0].Message;
            return RedirectToAction(nameof(Index));
        }
        return RedirectToAction(nameof(AnalyseAllRun), new { key = result.Value });
    }

    [HttpGet("analisar-todos/{key:guid}")]
    public async Task<IActionResult> AnalyseAllRun(Guid key, [FromServices] AnalyseAllResult.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(key, cancellationToken) is { } model ? View("~/Features/Credit/AnalyseAll/Run.cshtml", model) : NotFound();

    [HttpGet("{customerId:guid}")]
    public async Task<IActionResult> Customer(Guid customerId, [FromServices] CustomerAnalysis.Handler handler, CancellationToken cancellationToken) =>
        await handler.ScreenAsync(customerId, User.GetUserId(), null, cancellationToken) is { } screen ? View(CustomerView, screen) : NotFound();

    [HttpPost("{customerId:guid}/aprovar")]
    public Task<IActionResult> Approve(Guid customerId, CustomerAnalysis.Command command, [FromServices] DecideCredit.Handler decide,
        [FromServices] CustomerAnalysis.Handler screen, [FromServices] CardActor actor, [FromServices] StaffAuthority authority,
        CancellationToken cancellationToken) =>
        DecideAsync(customerId, command, screen, async analyst =>
            await decide.ApproveAsync(customerId, command, analyst, actor.Change(observation: command.Observation), cancellationToken),
            authority, cancellationToken);

    [HttpPost("{customerId:guid}/reprovar")]
    public Task<IActionResult> Reject(Guid customerId, CustomerAnalysis.Command command, [FromServices] DecideCredit.Handler decide,
        [FromServices] CustomerAnalysis.Handler screen, [FromServices] CardActor actor, [FromServices] StaffAuthority authority,
        CancellationToken cancellationToken) =>
        DecideAsync(customerId, command, screen, async analyst =>
            await decide.RejectAsync(customerId, command, analyst, actor.Change(observation: command.Observation), cancellationToken),
            authority, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid customerId, CustomerAnalysis.Command command, CustomerAnalysis.Handler screen,
        Func<CreditAnalyst, Task<CommandResult<CreditOutcome>?>> decide, StaffAuthority authority, CancellationToken cancellationToken)
    {
        var analyst = await authority.AnalystAsync(User, clock.GetUtcNow(), cancellationToken);
        var result = ModelState.IsValid ? await decide(analyst) : CommandResult<CreditOutcome>.Failure([]);
        if (result is null)
        {
            return NotFound();
        }
        if (!result.Succeeded || !ModelState.IsValid)
        {
            result.CopyTo(ModelState, "Command.");
            return await screen.ScreenAsync(customerId, User.GetUserId(), command, cancellationToken) is { } again
                ? View(CustomerView, again) : NotFound();
        }
        TempData[Flash.Success] = l[result.Value == CreditOutcome.Approved ? "CreditAnalysis.Approved" : "CreditAnalysis.Rejected"].Value;
        return RedirectToAction(nameof(Index));
    }
}
