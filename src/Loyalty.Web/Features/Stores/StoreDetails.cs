using Loyalty.Domain.Tenancy;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Stores;

public static class StoreDetails
{
    public sealed record Model(Guid Id, string Code, string Name, bool IsActive, DateTimeOffset CreatedAt, ReceiptFormat ReceiptFormat, List<StaffRow> Staff);

    public sealed record StaffRow(string FullName, string? Email, string Role);

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope)
    {
        /// <returns>Null when the store does not exist, belongs to another tenant or lies outside the user's stores.</returns>
        public async Task<Model?> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var store = await scope.Apply(db.Stores.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (store is null)
            {
                return null;
            }
            var staff = await db.Users.AsNoTracking()
                .Where(u => u.Stores.Any(s => s.StoreId == id))
                .OrderBy(u => u.FullName)
                .Select(u => new StaffRow(u.FullName, u.Email, u.Role.ToString()))
                .ToListAsync(cancellationToken);
            return new Model(store.Id, store.Code, store.Name, store.IsActive, store.CreatedAt, store.ReceiptFormat, staff);
        }
    }
}
