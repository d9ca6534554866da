using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Credit;

/// <summary>
/// "Pendente de análise" (cards in 06) and "Crédito reprovado" (08, for re-analysis), paged, searched by name or
/// document (seed 001 "Análise de Crédito").
/// </summary>
public static class PendingAnalysis
{
    public const int PageSize = 50;

    public sealed class Query
    {
        /// <summary>"06" pending (the default) or "08" rejected.</summary>
        public string? Situacao { get; set; }

        public string? Q { get; set; }
        public int Page { get; set; } = 1;

        public CardStatus Status => Situacao == CardStatus.CreditNotApproved.Code() ? CardStatus.CreditNotApproved : CardStatus.Registered;
    }

    public sealed record Row(Guid CustomerId, string Name, string Document, string Card, DateTimeOffset RegisteredAt);

    public sealed record Result(Query Query, List<Row> Rows, bool HasNext, int Pending, int Rejected)
    {
        /// <summary>The idempotency key of the "Analisar todos" form: a double submit leads to one run.</summary>
        public Guid RequestKey { get; } = Guid.NewGuid();

        /// <summary>The latest "Analisar todos", so its progress and result stay one click away after leaving its page.</summary>
        public LatestRun? Latest { get; init; }
    }

    public sealed record LatestRun(Guid Key, DateTimeOffset At);

    public sealed class Handler(LoyaltyDbContext db, CustomerSearch search, CardNumberDisplay cards)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            query.Page = Shared.ListBounds.Page(query.Page, PageSize);
            var status = query.Status;
            var customers = db.Customers.AsNoTracking();
            var term = CustomerSearchTerm.Parse(query.Q);
            if (!term.IsEmpty)
            {
                customers = search.Matching(customers, term);
            }
            var rows = await db.Cards.AsNoTracking().Where(c => c.Status == status)
                .Join(customers, card => card.CustomerId, customer => customer.Id, (card, customer) => new
                {
                    CustomerId = customer.Id, customer.Name, customer.PersonType, customer.Document, card.Number, customer.RegisteredAt, CardId = card.Id,
                })
                .OrderBy(r => r.RegisteredAt).ThenBy(r => r.CardId)
                .Skip((query.Page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
            var counts = await db.Cards.AsNoTracking().Where(c => c.Status == CardStatus.Registered || c.Status == CardStatus.CreditNotApproved)
                .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var latest = await db.Set<CreditAnalysisRun>().AsNoTracking().OrderByDescending(r => r.RequestedAt)
                .Select(r => new LatestRun(r.Id, r.RequestedAt)).FirstOrDefaultAsync(cancellationToken);
            return new Result(query,
                [.. rows.Take(PageSize).Select(r => new Row(r.CustomerId, r.Name, CustomerDocument.Format(r.PersonType, r.Document),
                    cards.Show(r.Number), r.RegisteredAt))],
                rows.Count > PageSize,
                counts.SingleOrDefault(c => c.Key == CardStatus.Registered)?.Count ?? 0,
                counts.SingleOrDefault(c => c.Key == CardStatus.CreditNotApproved)?.Count ?? 0) { Latest = latest };
        }
    }
}
