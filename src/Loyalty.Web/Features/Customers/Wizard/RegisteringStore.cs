using Loyalty.Web.Features.Shared;
using Loyalty.Web.Features.Stores;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers.Wizard;

/// <summary>
/// The store a counter registration is recorded under. Rule chosen (SPEC §3 says only "registering store is recorded"):
/// a Cashier registers in their own store; a StoreManager chooses among their active stores (the first by code unless
/// they pick another); a TenantAdmin may choose any active store of the tenant or none (back-office registrations).
/// </summary>
public static class RegisteringStore
{
    public sealed record Option(Guid Id, string Code, string Name);

    public sealed class Handler(LoyaltyDbContext db, StoreScope scope, IStringLocalizer<SharedResource> l)
    {
        /// <summary>A user whose reach is the whole tenant may leave the store empty.</summary>
        public bool MayChooseNone => !scope.IsRestricted;

        public async Task<IReadOnlyList<Option>> OptionsAsync(CancellationToken cancellationToken) =>
            await scope.Apply(db.Stores.AsNoTracking()).Where(s => s.IsActive).OrderBy(s => s.Code)
                .Select(s => new Option(s.Id, s.Code, s.Name)).ToListAsync(cancellationToken);

        public async Task<Guid?> DefaultAsync(CancellationToken cancellationToken) =>
            MayChooseNone ? null : (await OptionsAsync(cancellationToken)).Select(o => (Guid?)o.Id).FirstOrDefault();

        /// <summary>The message for a store the user may not register in, or null when the choice stands.</summary>
        public async Task<FieldError?> CheckAsync(Guid? storeId, CancellationToken cancellationToken)
        {
            if (storeId is null ? MayChooseNone : (await OptionsAsync(cancellationToken)).Any(o => o.Id == storeId))
            {
                return null;
            }
            return new FieldError(nameof(RegistrationWizard.StoreId), l["Registration.StoreInvalid"]);
        }
    }
}
