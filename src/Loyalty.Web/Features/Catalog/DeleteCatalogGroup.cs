using Loyalty.Domain.Catalog;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Catalog;

/// <summary>Deletes a department or section that groups nothing; one in use stays (the domain says why).</summary>
public static class DeleteCatalogGroup
{
    public sealed class Handler(LoyaltyDbContext db)
    {
        /// <returns>False when no such department exists in the tenant.</returns>
        public async Task<bool> DepartmentAsync(Guid id, CancellationToken cancellationToken)
        {
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (department is null)
            {
                return false;
            }
            Department.EnsureDeletable(hasSections: await db.Sections.AnyAsync(s => s.DepartmentId == id, cancellationToken),
                hasProducts: await db.Products.AnyAsync(p => p.DepartmentId == id, cancellationToken));
            db.Departments.Remove(department);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        public async Task<bool> SectionAsync(Guid id, CancellationToken cancellationToken)
        {
            var section = await db.Sections.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (section is null)
            {
                return false;
            }
            Section.EnsureDeletable(hasProducts: await db.Products.AnyAsync(p => p.SectionId == id, cancellationToken));
            db.Sections.Remove(section);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
