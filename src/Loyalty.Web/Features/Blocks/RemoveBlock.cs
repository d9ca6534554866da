using Loyalty.Domain.Common;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Blocks;

/// <summary>"Remover bloqueio": ends a block in force; the block stays in the history with who removed it and when.</summary>
public static class RemoveBlock
{
    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock)
    {
        /// <returns>The blocked customer's id; null when the block does not exist in the tenant.</returns>
        public async Task<Guid?> HandleAsync(Guid blockId, BlockActor actor, CancellationToken cancellationToken)
        {
            var block = await db.RedemptionBlocks.SingleOrDefaultAsync(b => b.Id == blockId, cancellationToken);
            if (block is null)
            {
                return null;
            }
            block.Remove(actor.UserId, actor.Name, clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone removed it between our read and our write.
                throw new DomainException("Block.AlreadyRemoved");
            }
            return block.CustomerId;
        }
    }
}
