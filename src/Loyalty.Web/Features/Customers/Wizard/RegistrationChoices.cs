using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Agreements;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers.Wizard;

/// <summary>What the wizard's screens offer: active categories (Padrão first), the stores the user may register in,
/// on the card step of a dependent the titulars found by the search plus the one already chosen, on the contact step of
/// a dependent whose titular is chosen that titular's address and phone to copy, and the fields to mark as required.</summary>
public static class RegistrationChoices
{
    public sealed record Category(Guid Id, string Name);

    public sealed record Lists(
        IReadOnlyList<Category> Categories,
        IReadOnlyList<RegisteringStore.Option> Stores,
        bool MayChooseNoStore,
        IReadOnlyList<TitularSearch.Candidate> Titulars,
        bool NoTitularFound,
        TitularContact.Contact? TitularContact)
    {
        public static Lists Empty { get; } = new([], [], false, [], false, null);

        /// <summary>The active agreement companies; empty on a loyalty-only tenant, where the field is not shown.</summary>
        public IReadOnlyList<AgreementChoice.Option> Agreements { get; init; } = [];
    }

    public sealed class Handler(
        LoyaltyDbContext db, RegisteringStore.Handler stores, TitularSearch.Handler search, TitularContact.Handler contact, CustomerRules rules,
        AgreementChoice.Handler agreements)
    {
        public async Task LoadAsync(RegistrationWizard wizard, CancellationToken cancellationToken)
        {
            var categories = await db.CustomerCategories.AsNoTracking().Where(c => c.IsActive)
                .OrderByDescending(c => c.IsDefault).ThenBy(c => c.Name)
                .Select(c => new Category(c.Id, c.Name)).ToListAsync(cancellationToken);
            var titulars = new List<TitularSearch.Candidate>();
            var noneFound = false;
            if (wizard.IsDependent && wizard.Step == RegisterCustomer.Steps && !string.IsNullOrWhiteSpace(wizard.TitularQuery))
            {
                titulars.AddRange(await search.FindAsync(wizard.TitularQuery, cancellationToken));
                noneFound = titulars.Count == 0;
                // One match is the titular the cashier was looking for: chosen already, one key less at a busy counter.
                if (wizard.TitularId is null && titulars.Count == 1)
                {
                    wizard.TitularId = titulars[0].Id;
                }
            }
            if (wizard.IsDependent && wizard.TitularId is { } chosen && titulars.All(t => t.Id != chosen)
                && await search.FindByIdAsync(chosen, cancellationToken) is { } titular)
            {
                titulars.Insert(0, titular);
            }
            var titularContact = wizard.IsDependent && wizard.Step == 2 && wizard.TitularId is { } titularId
                ? await contact.FindAsync(titularId, cancellationToken)
                : null;
            wizard.Choices = new Lists(categories, await stores.OptionsAsync(cancellationToken), stores.MayChooseNone, titulars, noneFound, titularContact)
            {
                Agreements = await agreements.OptionsAsync(null, cancellationToken),
            };
            // Those of a PF: the fields only a PF is asked for are hidden while PJ is chosen.
            var required = new HashSet<string>(await rules.RequiredFieldsAsync(PersonType.PF, cancellationToken), StringComparer.Ordinal);
            // The store follows its own rule (RegisteringStore.CheckAsync): only a user who may leave it empty may.
            if (!stores.MayChooseNone)
            {
                required.Add(nameof(RegistrationWizard.StoreId));
            }
            wizard.RequiredFields = required;
        }
    }
}
