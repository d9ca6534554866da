using Loyalty.Domain.Cards;
using Loyalty.Domain.Cards.Embossing;
using Loyalty.Domain.Numbering;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// "Confirmar recebimento" (SPEC §8): the plastics came back, the batch is delivered and its cards still at 09 become
/// Active (01), each with its history entry — one set-based statement for all of them. A card cancelled or reissued while
/// the batch was out is not at 09 any more and stays as it is.
/// </summary>
public static class ConfirmReceipt
{
    public sealed record Result(long Number, int Activated);

    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock)
    {
        public async Task<Result?> HandleAsync(long number, Guid? userId, string userName, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var tenantId = db.Tenant.RequiredTenantId;
            // Two operators confirming at once: the second waits here and then finds the batch delivered.
            await db.Database.ExecuteSqlAsync(
                $"SELECT 1 FROM embossing_batches WHERE tenant_id = {tenantId} AND number = {number} FOR UPDATE", cancellationToken);
            var batch = await db.Set<EmbossingBatch>().SingleOrDefaultAsync(b => b.Number == number, cancellationToken);
            if (batch is null)
            {
                return null;
            }
            var now = clock.GetUtcNow();
            batch.ConfirmReceipt(now, userId, userName);
            await db.SaveChangesAsync(cancellationToken);
            var observation = DocumentNumber.Format(DocumentKind.EmbossingBatch, number);
            var batchId = batch.Id;
            var (issued, active, confirmed) = (CardStatus.PlasticIssued.ToString(), CardStatus.Active.ToString(), CardEvent.ReceiptConfirmed.ToString());
            var activated = await db.Database.ExecuteSqlAsync($"""
                WITH moved AS (
                    UPDATE cards c SET status = {active}
                    FROM embossing_batch_cards bc
                    WHERE bc.tenant_id = {tenantId} AND bc.batch_id = {batchId} AND c.tenant_id = bc.tenant_id AND c.id = bc.card_id
                      AND c.status = {issued}
                    RETURNING c.tenant_id, c.id)
                INSERT INTO card_history (id, tenant_id, card_id, event, from_status, to_status, at, by_user_id, by_name, observation)
                SELECT gen_random_uuid(), m.tenant_id, m.id, {confirmed}, {issued}, {active}, {now}, {userId}::uuid, {userName}, {observation}
                FROM moved m
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(number, activated);
        }
    }
}
