using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Blocks;

/// <summary>"Bloqueados para resgate": the blocks in force, newest first, and the history of removed blocks.</summary>
public static class BlockList
{
    public const int PageSize = 50;

    public sealed class Query
    {
        /// <summary>False: blocks in force; true: removed blocks, newest removal first.</summary>
        public bool History { get; set; }

        public int Page { get; set; } = 1;
    }

    public sealed record Row(Guid Id, Guid CustomerId, string CustomerName, string Document, string Reason, string BlockedBy,
        DateTimeOffset BlockedAt, string? RemovedBy, DateTimeOffset? RemovedAt);

    public sealed record Result(Query Query, List<Row> Rows, bool HasNext);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            query.Page = Shared.ListBounds.Page(query.Page, PageSize);
            var blocks = db.RedemptionBlocks.AsNoTracking();
            blocks = query.History
                ? blocks.Where(b => b.RemovedAt != null).OrderByDescending(b => b.RemovedAt).ThenByDescending(b => b.Id)
                : blocks.Where(b => b.RemovedAt == null).OrderByDescending(b => b.BlockedAt).ThenByDescending(b => b.Id);
            var page = await blocks.Skip((query.Page - 1) * PageSize).Take(PageSize + 1)
                .Join(db.Customers, b => b.CustomerId, c => c.Id, (b, c) => new
                {
                    b.Id, b.CustomerId, c.Name, c.PersonType, c.Document, b.Reason, b.BlockedBy, b.BlockedAt, b.RemovedBy, b.RemovedAt,
                })
                .ToListAsync(cancellationToken);
            var ordered = query.History
                ? page.OrderByDescending(b => b.RemovedAt).ThenByDescending(b => b.Id)
                : page.OrderByDescending(b => b.BlockedAt).ThenByDescending(b => b.Id);
            var rows = ordered.Select(b => new Row(b.Id, b.CustomerId, b.Name, CustomerDocument.Format(b.PersonType, b.Document),
                b.Reason, b.BlockedBy, b.BlockedAt, b.RemovedBy, b.RemovedAt)).ToList();
            return new Result(query, [.. rows.Take(PageSize)], rows.Count > PageSize);
        }
    }
}
