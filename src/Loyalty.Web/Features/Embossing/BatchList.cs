using Loyalty.Domain.Cards.Embossing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Embossing;

/// <summary>The batch list (SPEC §8): in progress, delivered or all, newest first.</summary>
public static class BatchList
{
    public const int PageSize = 25;

    public enum Show
    {
        InProgress,
        Delivered,
        All,
    }

    public sealed record Row(long Number, EmbossingBatchStatus Status, DateTimeOffset GeneratedAt, string GeneratedBy, int Cards,
        DateOnly ExpectedReturnOn, DateTimeOffset? DeliveredAt, string FileName);

    public sealed record Model(Show Show, IReadOnlyList<Row> Rows, int Count, int Page)
    {
        public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);
    }

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<Model> HandleAsync(Show show, int page, CancellationToken cancellationToken)
        {
            var batches = db.Set<EmbossingBatch>().AsNoTracking();
            batches = show switch
            {
                Show.InProgress => batches.Where(b => b.Status == EmbossingBatchStatus.InProgress),
                Show.Delivered => batches.Where(b => b.Status == EmbossingBatchStatus.Delivered),
                _ => batches,
            };
            var count = await batches.CountAsync(cancellationToken);
            page = Math.Clamp(page, 1, Math.Max(1, (count + PageSize - 1) / PageSize));
            var rows = await batches.OrderByDescending(b => b.Number).Skip((page - 1) * PageSize).Take(PageSize)
                .Select(b => new Row(b.Number, b.Status, b.GeneratedAt, b.GeneratedByName, b.CardCount, b.ExpectedReturnOn, b.DeliveredAt, b.FileName))
                .ToListAsync(cancellationToken);
            return new Model(show, rows, count, page);
        }
    }
}
