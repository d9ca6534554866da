using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Blocks;

/// <summary>
/// "Bloqueados para resgate" as the rule redemption asks (SPEC §4, §7): a customer may not redeem in any store of the
/// tenant while a block is in force on them — or on their titular. Points belong to the titular's account, so blocking
/// the titular blocks every card associated with it; blocking a dependent blocks that dependent alone. Blocks never stop
/// a customer from earning.
/// </summary>
public sealed class RedemptionBlocks(LoyaltyDbContext db)
{
    public Task<bool> IsBlockedAsync(Guid customerId, CancellationToken cancellationToken) =>
        InForceFor(customerId).AnyAsync(cancellationToken);

    /// <summary>The block that stops this customer redeeming, their own before their titular's; null when none.</summary>
    public Task<RedemptionBlock?> BlockingAsync(Guid customerId, CancellationToken cancellationToken) =>
        InForceFor(customerId).AsNoTracking()
            .OrderByDescending(b => b.CustomerId == customerId)
            .FirstOrDefaultAsync(cancellationToken);

    private IQueryable<RedemptionBlock> InForceFor(Guid customerId) =>
        db.RedemptionBlocks.Where(b => b.RemovedAt == null && (b.CustomerId == customerId
            || b.CustomerId == db.Customers.Where(c => c.Id == customerId).Select(c => c.TitularId).FirstOrDefault()));
}
