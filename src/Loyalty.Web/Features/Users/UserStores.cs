using Loyalty.Domain.Staff;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Users;

/// <summary>Store assignments: only for store-scoped roles, only active stores of the tenant.</summary>
public sealed class UserStores(LoyaltyDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<FieldError?> CheckAsync(UserForm form, CancellationToken cancellationToken)
    {
        if (!form.Role.IsStoreScoped() || form.StoreIds.Count == 0)
        {
            return null;
        }
        var ids = form.StoreIds.Distinct().ToList();
        var found = await db.Stores.CountAsync(s => ids.Contains(s.Id) && s.IsActive, cancellationToken);
        return found == ids.Count ? null : new FieldError(nameof(UserForm.StoreIds), l["User.StoreUnknown"]);
    }

    public static List<StaffUserStore> For(UserForm form) =>
        form.Role.IsStoreScoped()
            ? [.. form.StoreIds.Distinct().Select(id => new StaffUserStore { StoreId = id })]
            : [];
}
