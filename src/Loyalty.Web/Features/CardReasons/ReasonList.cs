using Loyalty.Domain.Cards;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.CardReasons;

/// <summary>"Motivos de cartão": the tenant's reasons, active first, alphabetically.</summary>
public static class ReasonList
{
    public sealed record Row(Guid Id, string Description, CardOperations Operations, bool IsActive);

    public sealed class Handler(LoyaltyDbContext db)
    {
        public Task<List<Row>> HandleAsync(CancellationToken cancellationToken) =>
            db.CardReasons.AsNoTracking().OrderByDescending(r => r.IsActive).ThenBy(r => r.Description)
                .Select(r => new Row(r.Id, r.Description, r.Operations, r.IsActive))
                .ToListAsync(cancellationToken);
    }

    /// <summary>The active reasons offered for one operation, for the card screen's select lists.</summary>
    public static Task<List<Row>> ForAsync(LoyaltyDbContext db, CardOperations operation, CancellationToken cancellationToken) =>
        db.CardReasons.AsNoTracking().Where(r => r.IsActive && (r.Operations & operation) == operation).OrderBy(r => r.Description)
            .Select(r => new Row(r.Id, r.Description, r.Operations, r.IsActive))
            .ToListAsync(cancellationToken);
}
