using Loyalty.Domain.Campaigns;
using Loyalty.Domain.Numbering;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Numbering;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Redemptions;

/// <summary>
/// "Cancelamentos de Resgates" (SPEC §7, seed 001): a delivered prize comes back; the prizes return to the stock and the
/// points to the lots they were taken from (<see cref="PointsLedger.GiveBackAsync"/>), in one transaction. Cancelling a
/// redemption already cancelled (a double click, two cashiers) answers the first cancellation and gives nothing twice.
/// </summary>
public static class CancelRedemption
{
    public sealed class Command : CounterQuery
    {
        public string? Reason { get; set; }
    }

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope, PointsLedger ledger, DocumentNumbers numbers, AuditActor actor,
        IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        /// <returns>The customer whose redemption it was; null when the redemption is not one the user may see.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(Guid redemptionId, Command command, CancellationToken cancellationToken)
        {
            var found = await db.Redemptions.AsNoTracking().Where(r => r.Id == redemptionId)
                .Select(r => new { r.CustomerId, r.StoreId, r.CancelledAt, PrizeIds = r.Lines.Select(x => x.PrizeId).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null || !scope.Allows(found.StoreId))
            {
                return null;
            }
            if (found.CancelledAt is null && (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Trim().Length > Redemption.ReasonMaxLength))
            {
                return CommandResult<Guid>.Failure(nameof(Command.Reason), l["Redemption.ReasonRequired"]);
            }
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The redemption's row first, then its prizes, then (in the ledger) the account: the same order as a redemption.
            await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM redemptions WHERE id = {redemptionId} FOR UPDATE")
                .ToListAsync(cancellationToken);
            var prizes = await PrizeLocks.LockAsync(db, [.. found.PrizeIds], cancellationToken);
            var redemption = await db.Redemptions.Include(r => r.Lines).SingleAsync(r => r.Id == redemptionId, cancellationToken);
            if (redemption.CancelledAt is null)
            {
                var number = await numbers.NextAsync(DocumentKind.RedemptionCancellation, cancellationToken);
                redemption.Cancel(command.Reason!, actor.Name, number, prizes.Values, now);
            }
            // Idempotent: an earlier cancellation already gave the points back and this returns its entry.
            await ledger.GiveBackAsync(redemption.Id, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult<Guid>.Success(redemption.CustomerId);
        }
    }
}
