using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Agreements;

/// <summary>Inactivate and reactivate: a company keeps its customers but an inactive one takes no new ones.</summary>
public static class AgreementCompanyStatus
{
    public sealed class Handler(LoyaltyDbContext db)
    {
        /// <returns>False when no such company exists in the tenant.</returns>
        public async Task<bool> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
        {
            var company = await db.AgreementCompanies.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (company is null)
            {
                return false;
            }
            if (active)
            {
                company.Reactivate();
            }
            else
            {
                company.Inactivate();
            }
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
