using Loyalty.Domain.Staff;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Users;

public static class UserList
{
    public sealed record Row(Guid Id, string FullName, string? Email, StaffRole Role, bool IsActive, bool IsLockedOut, List<string> Stores);

    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock)
    {
        public async Task<List<Row>> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var storeCodes = await db.Stores.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
            var users = await db.Users.AsNoTracking().OrderBy(u => u.FullName)
                .Select(u => new { u.Id, u.FullName, u.Email, u.Role, u.IsActive, u.LockoutEnd, Stores = u.Stores.Select(s => s.StoreId).ToList() })
                .ToListAsync(cancellationToken);
            return [.. users.Select(u => new Row(u.Id, u.FullName, u.Email, u.Role, u.IsActive, u.LockoutEnd > now,
                [.. u.Stores.Select(id => storeCodes.GetValueOrDefault(id, "?")).Order()]))];
        }
    }
}
