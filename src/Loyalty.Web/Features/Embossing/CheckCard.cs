using Loyalty.Domain.Cards.Embossing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Embossing;

/// <summary>Conference (seed 001): one plastic of the batch checked; it leaves the list of cards still to check.</summary>
public static class CheckCard
{
    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock)
    {
        /// <returns>False when the batch or the line does not exist (a 404).</returns>
        public async Task<bool> HandleAsync(long number, int line, string userName, CancellationToken cancellationToken)
        {
            var card = await db.Set<EmbossingBatchCard>()
                .Join(db.Set<EmbossingBatch>().Where(b => b.Number == number), c => c.BatchId, b => b.Id, (c, b) => c)
                .SingleOrDefaultAsync(c => c.Line == line, cancellationToken);
            if (card is null)
            {
                return false;
            }
            card.Check(clock.GetUtcNow(), userName);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
