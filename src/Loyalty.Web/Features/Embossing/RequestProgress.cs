using Loyalty.Domain.Cards.Embossing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Embossing;

/// <summary>The page a generation leads to: its progress while the job runs, then its batch (or why there is none).</summary>
public static class RequestProgress
{
    public sealed record Model(Guid Key, EmbossingRequestStatus Status, int Total, int Processed, long? BatchNumber, int? Cards,
        DateTimeOffset RequestedAt)
    {
        public int Percent => Total == 0 ? 0 : (int)(100L * Processed / Total);
    }

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<Model?> HandleAsync(Guid key, CancellationToken cancellationToken)
        {
            var request = await db.Set<EmbossingRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == key, cancellationToken);
            if (request is null)
            {
                return null;
            }
            var batch = request.BatchId is { } id
                ? await db.Set<EmbossingBatch>().AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Number, b.CardCount })
                    .SingleOrDefaultAsync(cancellationToken)
                : null;
            return new Model(key, request.Status, request.Total, request.Processed, batch?.Number, batch?.CardCount, request.RequestedAt);
        }
    }
}
