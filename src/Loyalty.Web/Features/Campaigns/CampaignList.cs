using Loyalty.Domain.Campaigns;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Campaigns;

/// <summary>The campaigns of the tenant, newest first, filtered by situation, classification and a fragment of the
/// description, paged.</summary>
public static class CampaignList
{
    public const int PageSize = 25;

    public sealed class Query
    {
        public string? Q { get; set; }
        public CampaignSituation? Situation { get; set; }
        public CampaignClassification? Classification { get; set; }
        public int Page { get; set; } = 1;
    }

    public sealed record Row(Guid Id, string Description, DateOnly StartDate, DateOnly EndDate, string Type,
        CampaignSituation Situation, CampaignClassification Classification, int Stores);

    public sealed record Result(Query Query, List<Row> Rows, bool HasNext);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            query.Page = Shared.ListBounds.Page(query.Page, PageSize);
            var campaigns = db.Campaigns.AsNoTracking();
            if (query.Situation is { } situation)
            {
                campaigns = campaigns.Where(c => c.Situation == situation);
            }
            if (query.Classification is { } classification)
            {
                campaigns = campaigns.Where(c => c.Classification == classification);
            }
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var fragment = "%" + query.Q.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                    .Replace("_", @"\_", StringComparison.Ordinal) + "%";
                campaigns = campaigns.Where(c => EF.Functions.ILike(c.Description, fragment, @"\"));
            }
            var rows = await campaigns.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Skip((query.Page - 1) * PageSize).Take(PageSize + 1)
                .Select(c => new Row(c.Id, c.Description, c.StartDate, c.EndDate,
                    db.CampaignTypes.Where(t => t.Id == c.TypeId).Select(t => t.Name).First(),
                    c.Situation, c.Classification, c.Stores.Count))
                .ToListAsync(cancellationToken);
            return new Result(query, [.. rows.Take(PageSize)], rows.Count > PageSize);
        }
    }
}
