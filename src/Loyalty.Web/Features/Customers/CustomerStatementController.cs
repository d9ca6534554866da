using System.Globalization;
using Loyalty.Web.Features.Customers.Statement;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers;

/// <summary>The profile's statement as a download (CSV for spreadsheets, PDF to hand over), for the period on screen.</summary>
[Route("clientes/{id:guid}")]
[Authorize(Policy = StaffPolicies.CustomerDesk)]
public sealed class CustomerStatementController(StatementSubject.Handler subjects, StatementLedger ledger, IStringLocalizer<SharedResource> l)
    : Controller
{
    [HttpGet("extrato.csv")]
    public async Task<IActionResult> Csv(Guid id, [FromQuery(Name = "Period")] CustomerStatement.Period period, CancellationToken cancellationToken)
    {
        var (subject, problem) = await subjects.HandleAsync(id, period.From, period.To, cancellationToken);
        if (subject is null)
        {
            return Refuse(problem);
        }
        var closing = await ledger.BalanceBeforeAsync(subject.AccountId, subject.End, cancellationToken);
        return new StreamedFileResult(StatementCsv.ContentType, FileName(subject, "csv"), (output, ct) =>
            StatementCsv.WriteAsync(output, ledger.NewestFirstAsync(subject.AccountId, subject.Start, subject.End, closing, ct), subject.Zone, l, ct));
    }

    [HttpGet("extrato.pdf")]
    public async Task<IActionResult> Pdf(Guid id, [FromQuery(Name = "Period")] CustomerStatement.Period period,
        [FromServices] CardNumberDisplay cards, CancellationToken cancellationToken)
    {
        var (subject, problem) = await subjects.HandleAsync(id, period.From, period.To, cancellationToken);
        if (subject is null)
        {
            return Refuse(problem);
        }
        var opening = await ledger.BalanceBeforeAsync(subject.AccountId, subject.Start, cancellationToken);
        var closing = await ledger.BalanceBeforeAsync(subject.AccountId, subject.End, cancellationToken);
        var heading = new StatementPdf.Heading(subject, subject.CardNumber is { } card ? cards.Show(card) : null, opening, closing);
        var pdf = await StatementPdf.RenderAsync(heading,
            ledger.NewestFirstAsync(subject.AccountId, subject.Start, subject.End, closing, cancellationToken), l, cancellationToken);
        return File(pdf, StatementPdf.ContentType, FileName(subject, "pdf"));
    }

    private IActionResult Refuse(StatementSubject.Problem problem) =>
        problem == StatementSubject.Problem.NotFound ? NotFound() : BadRequest(l["Statement.PeriodInvalid"].Value);

    // No name or document in the file name: downloads end up in shared folders and mail attachments.
    private static string FileName(StatementSubject.Subject subject, string extension) => string.Create(CultureInfo.InvariantCulture,
        $"extrato-{subject.Period.From:yyyyMMdd}-{subject.Period.To:yyyyMMdd}.{extension}");
}
