using Loyalty.Domain.Cards.Embossing;
using Hangfire;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// "Gerar lote": records the request under the key the form carried and enqueues its job. A second submit of the same
/// form finds the request already there and enqueues nothing; the job itself is safe to run twice as well.
/// </summary>
public static class RequestBatch
{
    public sealed class Handler(LoyaltyDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
    {
        public async Task<Guid> HandleAsync(Guid key, EmbossingFilter filter, Guid? userId, string userName, CancellationToken cancellationToken)
        {
            if (await db.Set<EmbossingRequest>().AnyAsync(r => r.Id == key, cancellationToken))
            {
                return key;
            }
            db.Add(EmbossingRequest.Queue(key, filter, clock.GetUtcNow(), userId, userName));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                if (await IsTakenAsync(key))
                {
                    return key; // the same form submitted twice at once: the other submit enqueued the job
                }
                throw;
            }
            var tenantId = db.Tenant.RequiredTenantId;
            jobs.Enqueue<EmbossingJob>(j => j.GenerateAsync(tenantId, key, CancellationToken.None));
            return key;
        }

        private async Task<bool> IsTakenAsync(Guid key)
        {
            db.ChangeTracker.Clear();
            return await db.Set<EmbossingRequest>().AnyAsync(r => r.Id == key);
        }
    }
}
