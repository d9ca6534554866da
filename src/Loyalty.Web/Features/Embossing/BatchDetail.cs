using Loyalty.Domain.Cards;
using Loyalty.Domain.Cards.Embossing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// A batch's page: its data, the conference (cards still to check first; a checked card leaves that list, seed 001),
/// the file, receipt confirmation and the PDFs.
/// </summary>
public static class BatchDetail
{
    public const int PageSize = 50;

    public sealed record CardRow(int Line, string CardNumber, string Name, string Document, CardStatus Status,
        DateTimeOffset? CheckedAt, string? CheckedBy);

    public sealed record Model(EmbossingBatch Batch, bool ShowChecked, int ToCheck, int Checked, IReadOnlyList<CardRow> Cards, int Page,
        int PdfParts)
    {
        public int Pages => Math.Max(1, ((ShowChecked ? Checked : ToCheck) + PageSize - 1) / PageSize);
    }

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<Model?> HandleAsync(long number, bool showChecked, int page, CancellationToken cancellationToken)
        {
            var batch = await db.Set<EmbossingBatch>().AsNoTracking().SingleOrDefaultAsync(b => b.Number == number, cancellationToken);
            if (batch is null)
            {
                return null;
            }
            var cards = db.Set<EmbossingBatchCard>().AsNoTracking().Where(c => c.BatchId == batch.Id);
            var checkedCount = await cards.CountAsync(c => c.CheckedAt != null, cancellationToken);
            var toCheck = batch.CardCount - checkedCount;
            var shown = showChecked ? cards.Where(c => c.CheckedAt != null) : cards.Where(c => c.CheckedAt == null);
            page = Math.Clamp(page, 1, Math.Max(1, ((showChecked ? checkedCount : toCheck) + PageSize - 1) / PageSize));
            var rows = await shown.OrderBy(c => c.Line).Skip((page - 1) * PageSize).Take(PageSize)
                .Join(db.Cards, bc => bc.CardId, c => c.Id, (bc, c) => new { bc, c })
                .Join(db.Customers, x => x.c.CustomerId, cu => cu.Id, (x, cu) => new { x.bc, x.c, cu })
                .OrderBy(x => x.bc.Line)
                .Select(x => new { x.bc.Line, x.c.Number, x.cu.Name, x.cu.Document, x.c.Status, x.bc.CheckedAt, x.bc.CheckedByName })
                .ToListAsync(cancellationToken);
            return new Model(batch, showChecked, toCheck, checkedCount,
                [.. rows.Select(r => new CardRow(r.Line, r.Number, r.Name, EmbossingPdfs.FormatDocument(r.Document), r.Status, r.CheckedAt, r.CheckedByName))],
                page, EmbossingPdfs.PartsOf(batch.CardCount));
        }
    }
}
