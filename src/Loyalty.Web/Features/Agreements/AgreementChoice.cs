using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Agreements;

/// <summary>
/// The agreement company a customer is registered or edited under, the same for the wizard, the edit screen and the
/// API: offered only on a loyalty-and-credit tenant (on loyalty only there is no credit analysis to skip), only active
/// companies — a customer keeps the inactive company it already has.
/// </summary>
public static class AgreementChoice
{
    public sealed record Option(Guid Id, string Name, bool IsActive);

    public sealed class Handler(LoyaltyDbContext db, CustomerRules rules, IStringLocalizer<SharedResource> l)
    {
        public async Task<bool> OfferedAsync(CancellationToken cancellationToken) =>
            (await rules.SettingsAsync(cancellationToken)).CardFlow == CardFlow.LoyaltyAndCredit;

        /// <summary>The companies to choose from (none when not offered), plus the customer's current one.</summary>
        public async Task<List<Option>> OptionsAsync(Guid? current, CancellationToken cancellationToken) =>
            await OfferedAsync(cancellationToken)
                ? await db.AgreementCompanies.AsNoTracking().Where(c => c.IsActive || c.Id == current)
                    .OrderBy(c => c.Name).Select(c => new Option(c.Id, c.Name, c.IsActive)).ToListAsync(cancellationToken)
                : [];

        /// <summary>Why <paramref name="chosen"/> cannot be taken, as a message on the field; null when it can.</summary>
        public async Task<FieldError?> CheckAsync(Guid? chosen, Guid? current, CancellationToken cancellationToken)
        {
            if (chosen is not { } id || id == current)
            {
                return null;
            }
            if (!await OfferedAsync(cancellationToken))
            {
                return Error("Customer.AgreementNotOffered");
            }
            // The tenant's query filter hides another tenant's company: it reads as unknown, like a made-up id.
            var active = await db.AgreementCompanies.Where(c => c.Id == id).Select(c => (bool?)c.IsActive).SingleOrDefaultAsync(cancellationToken);
            return active switch
            {
                null => Error("Customer.AgreementUnknown"),
                false => Error("Customer.AgreementInactive"),
                _ => null,
            };
        }

        private FieldError Error(string key) => new(nameof(CustomerForm.AgreementCompanyId), l[key]);
    }
}
