using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// Inactivates or reactivates a customer. An inactive customer stays in the list (relationship view "Inativos"), keeps
/// their points and history, and takes no new dependents.
/// </summary>
public static class ChangeCustomerStatus
{
    public sealed class Handler(LoyaltyDbContext db)
    {
        /// <returns>False when the customer does not exist in the tenant.</returns>
        public async Task<bool> HandleAsync(Guid id, CustomerStatus status, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (customer is null)
            {
                return false;
            }
            if (status == CustomerStatus.Active)
            {
                customer.Reactivate();
            }
            else
            {
                customer.Inactivate();
            }
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
