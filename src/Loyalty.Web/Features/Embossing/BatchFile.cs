using Loyalty.Domain.Cards.Embossing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// The batch's file, sent piece by piece as stored. Every download is recorded on the batch (who, when, how many times),
/// which the audit log shows as a download of the batch: the file carries every customer's card number and document.
/// </summary>
public static class BatchFile
{
    public sealed record Download(string FileName, Guid BatchId);

    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock)
    {
        public async Task<Download?> RecordAsync(long number, string userName, CancellationToken cancellationToken)
        {
            var batch = await db.Set<EmbossingBatch>().SingleOrDefaultAsync(b => b.Number == number, cancellationToken);
            if (batch is null)
            {
                return null;
            }
            batch.RecordDownload(clock.GetUtcNow(), userName);
            await db.SaveChangesAsync(cancellationToken);
            return new Download(batch.FileName, batch.Id);
        }

        public async Task WriteAsync(Guid batchId, Stream output, CancellationToken cancellationToken)
        {
            for (var sequence = 0; ; sequence++)
            {
                var data = await db.Set<EmbossingFileChunk>().AsNoTracking()
                    .Where(c => c.BatchId == batchId && c.Sequence == sequence).Select(c => c.Data).SingleOrDefaultAsync(cancellationToken);
                if (data is null)
                {
                    return;
                }
                await output.WriteAsync(data, cancellationToken);
            }
        }
    }
}
