using Loyalty.Domain.Credit;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Credit;

/// <summary>
/// Scores customers with the parameter set in force on the analysis date (the tenant's today): the one place the screen,
/// the decision and "Analisar todos" get a score from, so they can never disagree.
/// </summary>
public sealed class CreditScoring(LoyaltyDbContext db, TimeProvider clock)
{
    public sealed record Scored(CreditScoreSet? Set, ScoreResult? Result);

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        var tenantId = db.Tenant.RequiredTenantId;
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        return tenant.LocalDate(clock.GetUtcNow());
    }

    /// <summary>The set in force on <paramref name="day"/> with its weights and bands; null before the first set.</summary>
    public Task<CreditScoreSet?> SetInForceAsync(DateOnly day, CancellationToken cancellationToken) =>
        db.CreditScoreSets.AsNoTracking().Include(s => s.Weights).Include(s => s.Bands)
            .Where(s => s.EffectiveFrom <= day).OrderByDescending(s => s.EffectiveFrom).FirstOrDefaultAsync(cancellationToken);

    public static ScoreResult? Score(CreditScoreSet? set, CreditProfile profile, DateOnly? birthDate, DateOnly day) =>
        set is null ? null : CreditScore.Compute(set, new CreditApplicant(profile, birthDate, day));
}
