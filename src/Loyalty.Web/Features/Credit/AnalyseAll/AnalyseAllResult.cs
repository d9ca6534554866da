using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Credit.AnalyseAll;

/// <summary>The page a run leads to: its progress while the job runs, then who was approved (limit) and rejected
/// (reasons), each linking to the customer's analysis.</summary>
public static class AnalyseAllResult
{
    public sealed record Row(Guid CustomerId, string Name, string Document, CreditOutcome Outcome, int? Score, decimal Limit,
        CreditRejection Reasons);

    public sealed record Model(CreditAnalysisRun Run, List<Row> Rows)
    {
        public int Percent => Run.Total == 0 ? 0 : (int)(100L * Run.Processed / Run.Total);
    }

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<Model?> HandleAsync(Guid key, CancellationToken cancellationToken)
        {
            var run = await db.Set<CreditAnalysisRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == key, cancellationToken);
            if (run is null)
            {
                return null;
            }
            var rows = await db.CreditDecisions.AsNoTracking().Where(d => d.RunId == key)
                .Join(db.Customers.AsNoTracking(), d => d.CustomerId, c => c.Id, (d, c) => new
                {
                    c.Id, c.Name, c.PersonType, c.Document, d.Outcome, d.Score, d.Limit, d.Reasons, d.DecidedAt,
                })
                .OrderBy(r => r.Outcome).ThenBy(r => r.Name).ThenBy(r => r.DecidedAt).ToListAsync(cancellationToken);
            return new Model(run, [.. rows.Select(r => new Row(r.Id, r.Name, CustomerDocument.Format(r.PersonType, r.Document), r.Outcome,
                r.Score, r.Limit, r.Reasons))]);
        }
    }
}
