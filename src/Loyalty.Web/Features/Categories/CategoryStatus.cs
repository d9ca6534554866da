using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Categories;

/// <summary>Inactivate, reactivate and delete: a category in use is never deleted (SPEC §2), only inactivated.</summary>
public static class CategoryStatus
{
    public sealed class Handler(LoyaltyDbContext db)
    {
        /// <returns>False when no such category exists in the tenant.</returns>
        public async Task<bool> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
        {
            var category = await db.CustomerCategories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (category is null)
            {
                return false;
            }
            if (active)
            {
                category.Reactivate();
            }
            else
            {
                category.Inactivate();
            }
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
        {
            var category = await db.CustomerCategories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (category is null)
            {
                return false;
            }
            category.EnsureDeletable(inUse: await db.Customers.AnyAsync(c => c.CategoryId == id, cancellationToken));
            // A campaign's participating categories are an array, not a foreign key: deleting one would leave the
            // campaign earning for nobody, so the campaigns are named and the user inactivates the category instead.
            var campaigns = await db.Campaigns.Where(c => c.CategoryIds.Contains(id))
                .OrderBy(c => c.Description).Select(c => c.Description).ToListAsync(cancellationToken);
            if (campaigns.Count > 0)
            {
                throw new Domain.Common.DomainException("Category.UsedByCampaigns") { Arguments = [string.Join(", ", campaigns)] };
            }
            db.CustomerCategories.Remove(category);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation })
            {
                // A customer was registered in the category between the check and the delete: the foreign key said no.
                throw new Domain.Common.DomainException("Category.InUse");
            }
            return true;
        }
    }
}
