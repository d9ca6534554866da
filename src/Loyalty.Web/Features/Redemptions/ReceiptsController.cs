using Loyalty.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>The page after a counter operation and its receipt PDF. Another tenant's or another store's receipt is a 404.</summary>
[Route("resgates")]
[Authorize(Policy = StaffPolicies.StoreStaff)]
public sealed class ReceiptsController(Receipts.Handler receipts, ReceiptPdf pdf) : Controller
{
    public static string GiftsUrl(IEnumerable<Guid> voucherIds, bool asPdf = false) =>
        (asPdf ? "/resgates/brindes/recibo.pdf?" : "/resgates/brindes/recibo?") + string.Join("&", voucherIds.Select(id => $"v={id}"));

    [HttpGet("recibos")]
    public async Task<IActionResult> Find([FromQuery(Name = "numero")] string? number, [FromServices] FindReceipt.Handler finder,
        CancellationToken cancellationToken)
    {
        if (await finder.UrlAsync(number, cancellationToken) is { } url)
        {
            return Redirect(url);
        }
        return View("~/Features/Redemptions/FindReceipt.cshtml", new FindReceipt.Screen(number, NotFound: !string.IsNullOrWhiteSpace(number)));
    }

    [HttpGet("{redemptionId:guid}/recibo")]
    public async Task<IActionResult> Redemption(Guid redemptionId, CancellationToken cancellationToken) =>
        Done(await receipts.RedemptionAsync(redemptionId, cancellationToken), $"/resgates/{redemptionId}/recibo.pdf");

    [HttpGet("{redemptionId:guid}/recibo.pdf")]
    public async Task<IActionResult> RedemptionPdf(Guid redemptionId, CancellationToken cancellationToken) =>
        Pdf(await receipts.RedemptionAsync(redemptionId, cancellationToken));

    [HttpGet("{redemptionId:guid}/cancelamento")]
    public async Task<IActionResult> Cancellation(Guid redemptionId, CancellationToken cancellationToken) =>
        Done(await receipts.CancellationAsync(redemptionId, cancellationToken), $"/resgates/{redemptionId}/cancelamento.pdf");

    [HttpGet("{redemptionId:guid}/cancelamento.pdf")]
    public async Task<IActionResult> CancellationPdf(Guid redemptionId, CancellationToken cancellationToken) =>
        Pdf(await receipts.CancellationAsync(redemptionId, cancellationToken));

    [HttpGet("brindes/recibo")]
    public async Task<IActionResult> Gifts([FromQuery(Name = "v")] List<Guid> voucherIds, CancellationToken cancellationToken) =>
        Done(await receipts.GiftsAsync(voucherIds, cancellationToken), GiftsUrl(voucherIds, asPdf: true));

    [HttpGet("brindes/recibo.pdf")]
    public async Task<IActionResult> GiftsPdf([FromQuery(Name = "v")] List<Guid> voucherIds, CancellationToken cancellationToken) =>
        Pdf(await receipts.GiftsAsync(voucherIds, cancellationToken));

    private IActionResult Done(Receipts.Receipt? receipt, string pdfUrl)
    {
        if (receipt is null)
        {
            return NotFound();
        }
        ViewData["PdfUrl"] = pdfUrl;
        return View("~/Features/Redemptions/Done.cshtml", receipt);
    }

    private IActionResult Pdf(Receipts.Receipt? receipt) =>
        receipt is null ? NotFound() : File(pdf.Render(receipt), "application/pdf", ReceiptPdf.FileName(receipt));
}
