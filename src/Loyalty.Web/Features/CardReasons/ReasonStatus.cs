using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.CardReasons;

/// <summary>Inactivates or reactivates a reason. Reasons are not deleted: cards' histories keep naming them.</summary>
public static class ReasonStatus
{
    public sealed class Handler(LoyaltyDbContext db)
    {
        public async Task<bool> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
        {
            var reason = await db.CardReasons.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (reason is null)
            {
                return false;
            }
            reason.SetActive(active);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
