using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Credit.ScoreSets;

/// <summary>The parameter sets by effective date, newest first, marking the one in force today.</summary>
public static class ScoreSetList
{
    public sealed record Row(Guid Id, DateOnly EffectiveFrom, int MinimumScore, decimal CurrencyIndex, int Weights, int Bands, bool InForce);

    public sealed class Handler(LoyaltyDbContext db, CreditScoring scoring)
    {
        public async Task<List<Row>> HandleAsync(CancellationToken cancellationToken)
        {
            var today = await scoring.TodayAsync(cancellationToken);
            var rows = await db.CreditScoreSets.AsNoTracking().OrderByDescending(s => s.EffectiveFrom)
                .Select(s => new { s.Id, s.EffectiveFrom, s.MinimumScore, s.CurrencyIndex, Weights = s.Weights.Count, Bands = s.Bands.Count })
                .ToListAsync(cancellationToken);
            var inForce = rows.Where(r => r.EffectiveFrom <= today).Select(r => (Guid?)r.Id).FirstOrDefault();
            return [.. rows.Select(r => new Row(r.Id, r.EffectiveFrom, r.MinimumScore, r.CurrencyIndex, r.Weights, r.Bands, r.Id == inForce))];
        }
    }
}
