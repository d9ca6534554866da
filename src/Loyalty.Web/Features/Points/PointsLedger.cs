using Loyalty.Domain.Common;
using Loyalty.Domain.Points;
using Loyalty.Web.Features.Purchases;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Points;

/// <summary>
/// The one way a points balance changes (SPEC §5). Each operation locks the titular's account row, applies the domain
/// (<see cref="PointsAccount"/>), appends the ledger entry and its lot movements and updates the balance in one
/// SaveChanges, so a concurrent operation on the same account waits and never double-spends. Inside a caller's
/// transaction (a purchase, a redemption) the lock is held until the caller commits, and the caller's own pending
/// changes are saved with the entry; without one, each operation runs in its own transaction.
/// Lots that expired but were not yet turned into expiry entries are expired first, in the same lock, so a debit never
/// sees stale points and the balance stays the sum of the ledger.
/// </summary>
public sealed partial class PointsLedger(LoyaltyDbContext db, AuditActor actor, TimeProvider clock, TenantRulesCache tenantRules)
{
    /// <summary>Whose account an operation goes to, and the validity of the category of the customer who earns.</summary>
    public sealed record Holder(Guid CustomerId, Guid AccountId, int? ValidityDays);

    /// <summary>What an entry refers to: the purchase or redemption, and the reason of an adjustment.</summary>
    public sealed record Reference(Guid? PurchaseId = null, Guid? RedemptionId = null, string? Reason = null)
    {
        public static Reference None { get; } = new();
    }

    /// <summary>A dependent's points go to the titular's account; the lot's validity is the earning customer's category's.</summary>
    public async Task<Holder> HolderAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Join(db.CustomerCategories, c => c.CategoryId, k => k.Id, (c, k) => new Holder(c.Id, c.AccountHolderId, k.ValidityDays))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new DomainException("Points.CustomerNotFound");

    /// <summary>An accrual: opens a lot expiring after the holder's validity, counted from <paramref name="occurredAt"/>'s local day.</summary>
    public async Task<LedgerEntry> CreditAsync(Holder holder, long points, DateTimeOffset occurredAt, Reference reference,
        CancellationToken cancellationToken)
    {
        var expiresAt = PointsExpiry.ExpiresAt(occurredAt, holder.ValidityDays, await ZoneAsync(cancellationToken));
        return await InAccountAsync(holder.AccountId, loadLots: false, (account, _) =>
            Task.FromResult(Record(account.Credit(LedgerEntryKind.Accrual, points, occurredAt, expiresAt), holder.CustomerId, occurredAt, reference, account)),
            cancellationToken);
    }

    public async Task<LedgerEntry> CreditAsync(Guid customerId, long points, DateTimeOffset occurredAt, Reference reference,
        CancellationToken cancellationToken) =>
        await CreditAsync(await HolderAsync(customerId, cancellationToken), points, occurredAt, reference, cancellationToken);

    /// <summary>Takes points for a redemption, first-expiring-first. Throws Points.InsufficientBalance when the balance
    /// (after expiring what is due) is not enough or not positive.</summary>
    public async Task<LedgerEntry> RedeemAsync(Guid customerId, long points, Guid redemptionId, DateTimeOffset occurredAt,
        CancellationToken cancellationToken)
    {
        var holder = await HolderAsync(customerId, cancellationToken);
        return await InAccountAsync(holder.AccountId, loadLots: true, (account, lots) =>
            Task.FromResult(Record(account.Redeem(points, lots, clock.GetUtcNow()), customerId, occurredAt, new Reference(RedemptionId: redemptionId), account)),
            cancellationToken);
    }

    /// <summary>
    /// A purchase cancellation or a return: takes the points from the purchase's own lots first (those the purchase's
    /// accruals opened), then first-expiring-first; what was already spent leaves the balance negative.
    /// </summary>
    public async Task<LedgerEntry> ReverseAsync(Guid customerId, LedgerEntryKind kind, long points, Guid purchaseId,
        DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        if (kind is not (LedgerEntryKind.PurchaseCancellation or LedgerEntryKind.Return))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only a purchase cancellation or a return reverses points.");
        }
        var holder = await HolderAsync(customerId, cancellationToken);
        var purchaseLots = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.PurchaseId == purchaseId && e.LotId != null).Select(e => e.LotId!.Value).ToListAsync(cancellationToken);
        return await InAccountAsync(holder.AccountId, loadLots: true, (account, lots) =>
        {
            var movement = account.Reverse(kind, points, lots.Where(l => purchaseLots.Contains(l.Id)), lots, clock.GetUtcNow());
            return Task.FromResult(Record(movement, customerId, occurredAt, new Reference(PurchaseId: purchaseId), account));
        }, cancellationToken);
    }

    /// <summary>
    /// A cancelled redemption gives its points back to the lots they came from. Idempotent: a redemption already given
    /// back answers its existing entry. Lots that expired meanwhile are expired again at once.
    /// </summary>
    public async Task<LedgerEntry> GiveBackAsync(Guid redemptionId, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var redemption = await db.LedgerEntries.AsNoTracking()
                             .SingleOrDefaultAsync(e => e.RedemptionId == redemptionId && e.Kind == LedgerEntryKind.Redemption, cancellationToken)
                         ?? throw new DomainException("Points.RedemptionNotFound");
        return await InAccountAsync(redemption.AccountId, loadLots: false, async (account, _) =>
        {
            if (await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(
                    e => e.RedemptionId == redemptionId && e.Kind == LedgerEntryKind.RedemptionCancellation, cancellationToken) is { } done)
            {
                return done;
            }
            var taken = await db.LedgerLotMovements.AsNoTracking().Where(m => m.EntryId == redemption.Id)
                .Select(m => new { m.LotId, m.Points }).ToListAsync(cancellationToken);
            var lotIds = taken.Select(t => t.LotId).ToList();
            var lots = await LoadAsync(db.PointsLots.Where(l => lotIds.Contains(l.Id)), cancellationToken);
            var movement = account.GiveBack([.. taken.Select(t => (lots.Single(l => l.Id == t.LotId), -t.Points))]);
            var entry = Record(movement, redemption.CustomerId, occurredAt, new Reference(RedemptionId: redemptionId), account);
            ExpireDue(account, lots, clock.GetUtcNow());
            return entry;
        }, cancellationToken);
    }

    /// <summary>A TenantAdmin's manual adjustment with its reason; see <see cref="PointsAccount.Adjust"/>.</summary>
    public async Task<LedgerEntry> AdjustAsync(Guid customerId, long points, string reason, CancellationToken cancellationToken)
    {
        var holder = await HolderAsync(customerId, cancellationToken);
        var now = clock.GetUtcNow();
        var expiresAt = PointsExpiry.ExpiresAt(now, holder.ValidityDays, await ZoneAsync(cancellationToken));
        return await InAccountAsync(holder.AccountId, loadLots: points < 0, (account, lots) =>
            Task.FromResult(Record(account.Adjust(points, lots, now, expiresAt), customerId, now, new Reference(Reason: reason), account)),
            cancellationToken);
    }

    private async Task<LedgerEntry> InAccountAsync(Guid accountId, bool loadLots,
        Func<PointsAccount, List<PointsLot>, Task<LedgerEntry>> apply, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            ForgetLedgerRows();
            await LockOrOpenAsync(accountId, cancellationToken);
            var account = (await LoadAsync(db.PointsAccounts.Where(a => a.Id == accountId), cancellationToken)).Single();
            var lots = loadLots ? await LoadAsync(db.PointsLots.Where(l => l.AccountId == accountId && l.Remaining > 0), cancellationToken) : [];
            ExpireDue(account, lots, clock.GetUtcNow());
            var entry = await apply(account, [.. lots.Where(l => l.Remaining > 0)]);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            ForgetLedgerRows();
            return entry;
        }
        catch
        {
            // A refused operation leaves nothing behind for the caller's next SaveChanges.
            ForgetLedgerRows();
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>Takes the account's row lock, opening the account on its first operation (two first operations at
    /// once both insert-or-ignore, then queue on the lock).</summary>
    private async Task LockOrOpenAsync(Guid accountId, CancellationToken cancellationToken)
    {
        if ((await LockAsync([accountId], cancellationToken)).Count == 0)
        {
            var tenantId = db.Tenant.RequiredTenantId;
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO points_accounts (id, tenant_id, balance) VALUES ({accountId}, {tenantId}, 0) ON CONFLICT DO NOTHING", cancellationToken);
            await LockAsync([accountId], cancellationToken);
        }
    }

    /// <summary>Row locks in id order, so two callers locking several accounts wait for each other instead of deadlocking.</summary>
    private Task<List<Guid>> LockAsync(Guid[] accountIds, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM points_accounts WHERE id = ANY({accountIds}) ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);

    /// <summary>Rows read after the lock. No ledger row stays tracked between operations (<see cref="ForgetLedgerRows"/>),
    /// so these are the committed values, never a stale copy from an earlier operation of the same scope.</summary>
    private static Task<List<T>> LoadAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) where T : class =>
        query.ToListAsync(cancellationToken);

    private void ExpireDue(PointsAccount account, IEnumerable<PointsLot> lots, DateTimeOffset now)
    {
        foreach (var lot in lots.Where(l => l.IsExpiredAt(now) && l.Remaining > 0).OrderBy(l => l.ExpiresAt))
        {
            Record(account.Expire(lot, now)!, account.Id, lot.ExpiresAt!.Value, Reference.None, account);
        }
    }

    private LedgerEntry Record(PointsMovement movement, Guid customerId, DateTimeOffset occurredAt, Reference reference, PointsAccount account)
    {
        var entry = EntryOf(movement, customerId, occurredAt, reference, account);
        db.LedgerEntries.Add(entry);
        if (movement.OpenedLot is { } opened)
        {
            db.PointsLots.Add(opened);
        }
        foreach (var (lot, points) in movement.Lots)
        {
            db.LedgerLotMovements.Add(LedgerLotMovement.For(entry, lot, points));
        }
        return entry;
    }

    private LedgerEntry EntryOf(PointsMovement movement, Guid customerId, DateTimeOffset occurredAt, Reference reference, PointsAccount account) =>
        LedgerEntry.Record(movement, customerId, occurredAt, clock.GetUtcNow(),
            new LedgerSource(account.Id, actor.Name, actor.UserId, reference.PurchaseId, reference.RedemptionId, reference.Reason));

    /// <summary>The next operation reads the ledger's rows again under its own lock; nothing of this one stays tracked.</summary>
    private void ForgetLedgerRows()
    {
        // Dependents first: detaching an entry while its lot movements are tracked would sever their required link.
        foreach (var entry in db.ChangeTracker.Entries()
                     .Where(e => e.Entity is PointsAccount or PointsLot or LedgerEntry or LedgerLotMovement)
                     .OrderBy(e => e.Entity switch { LedgerLotMovement => 0, LedgerEntry => 1, PointsLot => 2, _ => 3 }).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken) =>
        (await tenantRules.GetAsync(db.Tenant.RequiredTenantId, cancellationToken)).Zone;
}
