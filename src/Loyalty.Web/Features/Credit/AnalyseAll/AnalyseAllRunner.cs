using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Credit.AnalyseAll;

/// <summary>
/// Decides by score, one by one, every customer whose card is pending analysis (06), each in a scope and transaction
/// of its own through the same <see cref="DecideCredit"/> as the one-customer screen. A card that left 06 before its
/// turn (decided by hand meanwhile, or by an earlier run of the same key) is skipped. The run's counts are written
/// after each customer, committed at once, so the progress page sees the job advance.
/// </summary>
public sealed class AnalyseAllRunner(TenantScopes scopes, TimeProvider clock)
{
    public const string Actor = "job:credit-analyse-all";

    public async Task RunAsync(Guid tenantId, Guid runId, CancellationToken cancellationToken)
    {
        CreditAnalysisRun? run;
        List<Guid> pending;
        await using (var scope = scopes.For(tenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            run = await db.Set<CreditAnalysisRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
            if (run is null || run.Status == CreditAnalysisRunStatus.Completed)
            {
                return; // a duplicated job of a finished run does nothing
            }
            // Only the customers pending when the button was pressed: one registered afterwards waits for the next run.
            var cards = await db.Cards.AsNoTracking().Where(c => c.Status == CardStatus.Registered && c.IssuedAt <= run.RequestedAt)
                .OrderBy(c => c.IssuedAt).ThenBy(c => c.Id).Select(c => c.CustomerId).ToListAsync(cancellationToken);
            pending = [.. cards.Distinct()];
        }
        // Those of the click no longer pending now were decided by an earlier attempt of this run or by hand: done.
        var total = Math.Max(run.Total, pending.Count);
        var alreadyDone = total - pending.Count;
        await UpdateAsync(tenantId, runId, r => r.SetProperty(x => x.Status, CreditAnalysisRunStatus.Running)
            .SetProperty(x => x.Total, total).SetProperty(x => x.Processed, alreadyDone), cancellationToken);
        await CountAsync(tenantId, runId, alreadyDone, cancellationToken);
        var processed = alreadyDone;
        try
        {
            foreach (var customerId in pending)
            {
                await DecideOneAsync(tenantId, run, customerId, cancellationToken);
                processed++;
                await CountAsync(tenantId, runId, processed, cancellationToken);
            }
        }
        catch
        {
            var failedAt = clock.GetUtcNow();
            await UpdateAsync(tenantId, runId, r => r.SetProperty(x => x.Status, CreditAnalysisRunStatus.Failed)
                .SetProperty(x => x.FinishedAt, failedAt), CancellationToken.None);
            throw;
        }
        var now = clock.GetUtcNow();
        await UpdateAsync(tenantId, runId, r => r.SetProperty(x => x.Status, CreditAnalysisRunStatus.Completed)
            .SetProperty(x => x.FinishedAt, now), cancellationToken);
    }

    private async Task DecideOneAsync(Guid tenantId, CreditAnalysisRun run, Guid customerId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.For(tenantId);
        var services = scope.ServiceProvider;
        services.GetRequiredService<AuditActor>().UseSystemActor(Actor);
        var db = services.GetRequiredService<LoyaltyDbContext>();
        var scoring = services.GetRequiredService<CreditScoring>();
        var day = await scoring.TodayAsync(cancellationToken);
        var set = await scoring.SetInForceAsync(day, cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null || CreditScoring.Score(set, customer.Credit, customer.BirthDate, day) is not { } score)
        {
            return; // no set in force any more: nothing to decide by score, the customer stays pending
        }
        var command = new CustomerAnalysis.Command { Mode = CreditAnalysisMode.Score, Shares = await EvenSplitAsync(db, cancellationToken) };
        var now = clock.GetUtcNow();
        // The requesting analyst signs the decisions; the authority does not bound a score's limit.
        var analyst = new CreditAnalyst(run.RequestedByUserId, run.RequestedByName, 0m, now);
        var change = new CardChange(now, run.RequestedByUserId, run.RequestedByName);
        var decide = services.GetRequiredService<DecideCredit.Handler>();
        // The pending card is locked first: a duplicated job reaching the same customer at once waits here, then finds
        // the card no longer at 06. Such a customer comes back as a failure ("not pending") and is counted as skipped.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var registered = CardStatus.Registered.ToString();
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM cards WHERE customer_id = {customerId} AND status = {registered} FOR UPDATE", cancellationToken);
        _ = score.Approved
            ? await decide.ApproveAsync(customerId, command, analyst, change, cancellationToken, run.Id)
            : await decide.RejectAsync(customerId, command, analyst, change, cancellationToken, run.Id);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The limit split evenly among the tenant's active modalities (hundredths; the rounding on the first),
    /// since nobody types a split for a run.</summary>
    private static async Task<List<CustomerAnalysis.ShareInput>> EvenSplitAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var ids = await db.CreditModalities.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Name).Select(m => m.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        var each = Math.Floor(10000m / ids.Count) / 100m;
        return [.. ids.Select((id, i) => new CustomerAnalysis.ShareInput { ModalityId = id, Percent = i == 0 ? 100m - each * (ids.Count - 1) : each })];
    }

    private async Task CountAsync(Guid tenantId, Guid runId, int processed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.For(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        var approved = await db.CreditDecisions.CountAsync(d => d.RunId == runId && d.Outcome == CreditOutcome.Approved, cancellationToken);
        var rejected = await db.CreditDecisions.CountAsync(d => d.RunId == runId && d.Outcome == CreditOutcome.Rejected, cancellationToken);
        await db.Set<CreditAnalysisRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.Processed, processed).SetProperty(x => x.Approved, approved).SetProperty(x => x.Rejected, rejected),
            cancellationToken);
    }

    private async Task UpdateAsync(Guid tenantId, Guid runId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<CreditAnalysisRun>> set, CancellationToken cancellationToken)
    {
        await using var scope = scopes.For(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
        await db.Set<CreditAnalysisRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(set, cancellationToken);
    }
}
