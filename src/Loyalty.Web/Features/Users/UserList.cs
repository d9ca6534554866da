using Loyalty.Domain.Staff;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Users;

public static class UserList
{
    public sealed record Row(Guid Id, string FullName, string? Email, StaffRole Role, bool IsActive, bool IsLockedOut, List<string> Stores);

    public sealed class Handler(LoyaltyDbContext db, SignInLockout lockout)
    {
        public async Task<List<Row>> HandleAsync(CancellationToken cancellationToken)
        {
            var locked = await lockout.LockedUserIdsAsync(cancellationToken);
            var storeCodes = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
            var users = await db.Users.AsNoTracking().OrderBy(u => u.FullName)
                .Select(u => new { u.Id, u.FullName, u.Email, u.Role, u.IsActive, Stores = u.Stores.Select(s => s.StoreId).ToList() })
                .ToListAsync(cancellationToken);
            return [.. users.Select(u => new Row(u.Id, u.FullName, u.Email, u.Role, u.IsActive, locked.Contains(u.Id),
                [.. u.Stores.Select(id => storeCodes.GetValueOrDefault(id, "?")).Order()]))];
        }
    }
}
