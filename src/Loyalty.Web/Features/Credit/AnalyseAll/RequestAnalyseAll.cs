using Hangfire;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Credit.AnalyseAll;

/// <summary>
/// "Analisar todos": records the run under the key the form carried and enqueues its job. Refused without a score
/// parameter set in force or without an active modality to split the limits into. A second submit of the same form
/// finds the run already there and enqueues nothing; the job itself is safe to run twice as well.
/// </summary>
public static class RequestAnalyseAll
{
    public sealed class Handler(LoyaltyDbContext db, CreditScoring scoring, IBackgroundJobClient jobs, TimeProvider clock,
        IStringLocalizer<SharedResource> l)
    {
        public async Task<CommandResult<Guid>> HandleAsync(Guid key, Guid? userId, string userName, CancellationToken cancellationToken)
        {
            if (key == Guid.Empty)
            {
                return CommandResult<Guid>.Failure("", l["CreditAnalyseAll.FormExpired"]);
            }
            if (await db.Set<CreditAnalysisRun>().AnyAsync(r => r.Id == key, cancellationToken))
            {
                return CommandResult<Guid>.Success(key);
            }
            if (await scoring.SetInForceAsync(await scoring.TodayAsync(cancellationToken), cancellationToken) is null)
            {
                return CommandResult<Guid>.Failure("", l["CreditAnalyseAll.NoScoreSet"]);
            }
            if (!await db.CreditModalities.AnyAsync(m => m.IsActive, cancellationToken))
            {
                return CommandResult<Guid>.Failure("", l["CreditAnalyseAll.NoModality"]);
            }
            var now = clock.GetUtcNow();
            var pending = await db.Cards.Where(c => c.Status == CardStatus.Registered && c.IssuedAt <= now)
                .Select(c => c.CustomerId).Distinct().CountAsync(cancellationToken);
            db.Add(CreditAnalysisRun.Queue(key, now, userId, userName, pending));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (await db.Set<CreditAnalysisRun>().AnyAsync(r => r.Id == key, CancellationToken.None))
                {
                    return CommandResult<Guid>.Success(key); // the same form submitted twice at once: the other enqueued the job
                }
                throw;
            }
            var tenantId = db.Tenant.RequiredTenantId;
            jobs.Enqueue<AnalyseAllJob>(j => j.RunAsync(tenantId, key, CancellationToken.None));
            return CommandResult<Guid>.Success(key);
        }
    }
}
