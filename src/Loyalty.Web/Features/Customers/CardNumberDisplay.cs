using Loyalty.Domain.Cards;
using Loyalty.Domain.Staff;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// SPEC §12: card numbers on screens are masked except for the roles that need them. TenantAdmins (who answer for the
/// program, its disputes and card problems) and CardOperators (embossing, reissue, receipt) see whole numbers;
/// StoreManagers and Cashiers see the last four digits — the customer brings the card to the counter, and a search by
/// the whole number still finds them.
/// </summary>
public sealed class CardNumberDisplay(IHttpContextAccessor http)
{
    public static readonly IReadOnlyList<StaffRole> WholeNumberRoles = [StaffRole.TenantAdmin, StaffRole.CardOperator];

    public bool ShowsWholeNumbers =>
        http.HttpContext?.User is { } user && WholeNumberRoles.Any(role => user.IsInRole(role.ToString()));

    public string Show(string number) => ShowsWholeNumbers ? number : Card.Mask(number);
}
