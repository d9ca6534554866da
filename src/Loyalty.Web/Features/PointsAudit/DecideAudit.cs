using System.Text.Json;
using Loyalty.Domain.Purchases;
using Loyalty.Web.Features.Points;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.PointsAudit;

/// <summary>
/// An auditor's decision on one or more waiting accruals: approve (the points still due are credited through the ledger
/// at the purchase's time) or reject with a reason (never credited, the reason kept). All or nothing, each audited.
/// </summary>
public static class DecideAudit
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    public sealed class Command
    {
        public List<Guid> Ids { get; set; } = [];
        public string? Decision { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Handler(LoyaltyDbContext db, PointsLedger ledger, StoreScope scope, AuditActor actor, TimeProvider clock,
        IStringLocalizer<SharedResource> l)
    {
        /// <returns>Null when a purchase is not one of the user's stores' (or the tenant's); otherwise how many were decided.</returns>
        public async Task<CommandResult<int>?> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var ids = command.Ids.Distinct().Order().ToArray();
            if (ids.Length == 0)
            {
                return CommandResult<int>.Failure(nameof(Command.Ids), l["PointsAudit.NothingChosen"]);
            }
            var approve = command.Decision == Approve;
            if (!approve && (command.Decision != Reject || string.IsNullOrWhiteSpace(command.Reason)))
            {
                return CommandResult<int>.Failure(nameof(Command.Reason), l["Purchase.RejectionReasonRequired"]);
            }
            if (command.Reason?.Trim().Length > Purchase.ReasonMaxLength)
            {
                return CommandResult<int>.Failure(nameof(Command.Reason), l["Validation.TooLong", Purchase.ReasonMaxLength]);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locked in id order: two auditors deciding overlapping selections queue instead of deadlocking.
            var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM purchases WHERE id = ANY({ids}) ORDER BY id FOR UPDATE")
                .ToListAsync(cancellationToken);
            var purchases = await db.Purchases.Where(p => locked.Contains(p.Id)).ToListAsync(cancellationToken);
            if (purchases.Count != ids.Length || purchases.Any(p => !scope.Allows(p.StoreId)))
            {
                return null;
            }
            if (purchases.Any(p => p.PointsStatus != PointsStatus.PendingAudit))
            {
                return CommandResult<int>.Failure(nameof(Command.Ids), l["Purchase.NotPendingAudit"]);
            }
            var now = clock.GetUtcNow();
            foreach (var purchase in purchases)
            {
                db.AuditEntries.Add(AuditRow(purchase, approve, command.Reason?.Trim(), now));
                if (!approve)
                {
                    purchase.Reject(command.Reason!, now);
                }
                else if (purchase.Approve(now) is > 0 and var due)
                {
                    await ledger.CreditAsync(purchase.CustomerId, due, purchase.OccurredAt, new PointsLedger.Reference(PurchaseId: purchase.Id), cancellationToken);
                }
            }
            if (!approve)
            {
                // A rejected accrual is a purchase the program does not honour: its gifts not yet handed over go too.
                await db.GiftVouchers.Where(v => ids.Contains(v.PurchaseId) && v.DeliveredAt == null && v.VoidedAt == null)
                    .ExecuteUpdateAsync(v => v.SetProperty(x => x.VoidedAt, now), cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult<int>.Success(purchases.Count);
        }

        private AuditEntry AuditRow(Purchase purchase, bool approve, string? reason, DateTimeOffset now) => new()
        {
            OccurredAt = now,
            UserId = actor.UserId,
            Actor = actor.Name,
            EntityType = "PointsAudit",
            EntityId = purchase.Id.ToString(),
            Action = AuditAction.Updated,
            Before = JsonSerializer.Serialize(new { PointsStatus = purchase.PointsStatus.ToString(), purchase.AuditReasons }),
            After = JsonSerializer.Serialize(new { PointsStatus = (approve ? PointsStatus.Credited : PointsStatus.Rejected).ToString(), Reason = reason }),
            CorrelationId = actor.CorrelationId,
        };
    }
}
