using Loyalty.Web.Features.Blocks;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Embossing;

/// <summary>"Cartões para Embossing", tab Lotes (seed 001): the batches, their file, conference, receipt and printouts.</summary>
[Authorize(Policy = StaffPolicies.Embossing)]
[Route("cartoes/lotes")]
public sealed class BatchesController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "situacao")] BatchList.Show show, [FromQuery(Name = "pagina")] int page,
        [FromServices] BatchList.Handler handler, CancellationToken cancellationToken) =>
        View("~/Features/Embossing/Batches.cshtml", await handler.HandleAsync(Enum.IsDefined(show) ? show : BatchList.Show.InProgress, page, cancellationToken));

    [HttpGet("{number:long}")]
    public async Task<IActionResult> Detail(long number, [FromQuery(Name = "conferidos")] bool showChecked, [FromQuery(Name = "pagina")] int page,
        [FromServices] BatchDetail.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(number, showChecked, page, cancellationToken) is { } model ? View("~/Features/Embossing/Batch.cshtml", model) : NotFound();

    [HttpGet("{number:long}/arquivo")]
    public async Task<IActionResult> Download(long number, [FromServices] BatchFile.Handler handler, CancellationToken cancellationToken)
    {
        var download = await handler.RecordAsync(number, BlockActor.Of(User).Name, cancellationToken);
        if (download is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return new StreamedFileResult("text/plain; charset=iso-8859-1", download.FileName,
            (output, ct) => handler.WriteAsync(download.BatchId, output, ct));
    }

    [HttpPost("{number:long}/recebimento")]
    public async Task<IActionResult> ConfirmReceipt(long number, [FromServices] ConfirmReceipt.Handler handler, CancellationToken cancellationToken)
    {
        var actor = BlockActor.Of(User);
        if (await handler.HandleAsync(number, actor.UserId, actor.Name, cancellationToken) is not { } result)
        {
            return NotFound();
        }
        TempData[Flash.Success] = l.Plural("Embossing.ReceiptConfirmed", result.Activated).Value;
        return RedirectToAction(nameof(Detail), new { number });
    }

    [HttpPost("{number:long}/conferencia/{line:int}")]
    public async Task<IActionResult> Check(long number, int line, [FromServices] CheckCard.Handler handler, CancellationToken cancellationToken)
    {
        if (!await handler.HandleAsync(number, line, BlockActor.Of(User).Name, cancellationToken))
        {
            return NotFound();
        }
        TempData[Flash.Success] = l["Embossing.CardChecked", line].Value;
        return RedirectToAction(nameof(Detail), new { number });
    }

    [HttpGet("{number:long}/cartas")]
    public async Task<IActionResult> Letters(long number, [FromQuery(Name = "parte")] int? part, [FromServices] EmbossingPdfs pdfs,
        CancellationToken cancellationToken) => Pdf(await pdfs.LettersAsync(number, part ?? 1, cancellationToken));

    [HttpGet("{number:long}/comprovantes")]
    public async Task<IActionResult> Vouchers(long number, [FromQuery(Name = "parte")] int? part, [FromServices] EmbossingPdfs pdfs,
        CancellationToken cancellationToken) => Pdf(await pdfs.VouchersAsync(number, part ?? 1, cancellationToken));

    private IActionResult Pdf((byte[] Pdf, string FileName)? document)
    {
        if (document is not { } d)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(d.Pdf, EmbossingPdfs.ContentType, d.FileName);
    }
}
