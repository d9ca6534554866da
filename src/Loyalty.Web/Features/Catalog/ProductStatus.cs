using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Catalog;

/// <summary>Inactivate and reactivate. Products are never deleted: purchases keep referring to their codes.</summary>
public static class ProductStatus
{
    public sealed class Handler(LoyaltyDbContext db)
    {
        /// <returns>False when no such product exists in the tenant.</returns>
        public async Task<bool> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
        {
            var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (product is null)
            {
                return false;
            }
            if (active)
            {
                product.Reactivate();
            }
            else
            {
                product.Inactivate();
            }
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
