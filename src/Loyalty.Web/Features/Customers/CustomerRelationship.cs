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
    /// The one place that says whether a customer has bought. Purchases arrive with the points issue (SPEC §5); until
    /// then nobody has, so every active customer is a lead. That issue replaces the body with its purchases, e.g.
    /// <c>c =&gt; db.Purchases.Any(p =&gt; p.CustomerId == c.Id)</c> over an index (tenant_id, customer_id) — or, better at
    /// a million customers, a last-purchase column on customers kept by the purchase handler.
    /// </summary>
#pragma warning disable IDE0060 // db is what the points issue reads here.
    private static Expression<Func<Customer, bool>> HasBought(LoyaltyDbContext db) => c => false;
#pragma warning restore IDE0060
}
