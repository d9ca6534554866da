using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Pdf;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Credit;

/// <summary>"Relatório de reprovados" (seed 001): the customers whose card is in 08, each with the reasons of their
/// latest rejection, as a PDF.</summary>
public static class RejectedReport
{
    public sealed class Handler(LoyaltyDbContext db, CreditScoring scoring, DisplayFormat display, IStringLocalizer<SharedResource> l)
    {
        public async Task<byte[]> PdfAsync(CancellationToken cancellationToken)
        {
            var rows = await db.Cards.AsNoTracking().Where(c => c.Status == CardStatus.CreditNotApproved)
                .Join(db.Customers, card => card.CustomerId, customer => customer.Id, (card, customer) => new
                {
                    customer.Name, customer.PersonType, customer.Document,
                    Decision = db.CreditDecisions.Where(d => d.CardId == card.Id && d.Outcome == CreditOutcome.Rejected)
                        .OrderByDescending(d => d.DecidedAt).Select(d => new { d.DecidedAt, d.Score, d.Reasons, d.AnalystName }).FirstOrDefault(),
                })
                .OrderBy(r => r.Name).ToListAsync(cancellationToken);
            var title = l["RejectedReport.Title"].Value;
            using var pdf = new PdfReport(title, (page, total) => l["Pdf.PageOf", page, total]);
            pdf.Title(title);
            pdf.Field(l["RejectedReport.Day"], DisplayFormat.Date(await scoring.TodayAsync(cancellationToken)));
            pdf.Field(l["RejectedReport.Count"], DisplayFormat.Number(rows.Count));
            pdf.Space();
            var table = pdf.Table(
                new PdfColumn(l["Customer.Name"], 2.4), new PdfColumn(l["Customer.Document"], 1.6),
                new PdfColumn(l["CreditAnalysis.DecidedAt"], 1.4), new PdfColumn(l["CreditAnalysis.Score"], 0.8, PdfAlign.Right),
                new PdfColumn(l["CreditAnalysis.Reasons"], 3.4));
            foreach (var row in rows)
            {
                table.Row(row.Name, CustomerDocument.Format(row.PersonType, row.Document),
                    row.Decision is null ? "—" : display.DateTime(row.Decision.DecidedAt),
                    row.Decision?.Score is { } score ? DisplayFormat.Number(score) : "—",
                    row.Decision is null ? "—" : ScoreDisplay.Reasons(l, row.Decision.Reasons));
            }
            return pdf.ToArray();
        }
    }
}
