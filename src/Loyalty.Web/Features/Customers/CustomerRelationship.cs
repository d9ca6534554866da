using System.Linq.Expressions;
using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Persistence;

namespace Loyalty.Web.Features.Customers;

/// <summary>The relationship views of the customer list (seed 004): who has bought, who only registered, who left.</summary>
public enum RelationshipView
{
    All = 0,
    Active = 1,
    Leads = 2,
    Inactive = 3,
}

public static class CustomerRelationship
{
    /// <summary>Active: status active and has bought. Leads: status active, never bought. Inactive: status inactive.</summary>
    public static IQueryable<Customer> InView(this IQueryable<Customer> customers, RelationshipView view, LoyaltyDbContext db)
    {
        var hasBought = HasBought(db);
        return view switch
        {
            RelationshipView.Active => customers.Where(c => c.Status == CustomerStatus.Active).Where(hasBought),
            RelationshipView.Leads => customers.Where(c => c.Status == CustomerStatus.Active)
                .Where(Expression.Lambda<Func<Customer, bool>>(Expression.Not(hasBought.Body), hasBought.Parameters)),
            RelationshipView.Inactive => customers.Where(c => c.Status == CustomerStatus.Inactive),
            _ => customers,
        };
    }

    /// <summary>
    /// The one place that says whether a customer has bought: a purchase not cancelled, over the (tenant, customer, time)
    /// index of purchases. At a million customers a last-purchase column kept by the purchase handler would serve the
    /// "active"/"leads" views better.
    /// </summary>
    private static Expression<Func<Customer, bool>> HasBought(LoyaltyDbContext db) =>
        c => db.Purchases.Any(p => p.CustomerId == c.Id && p.CancelledAt == null);
}
