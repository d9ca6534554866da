using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers.Wizard;

/// <summary>What the wizard's screens offer: active categories (Padrão first), the stores the user may register in, and
/// on the card step of a dependent the titulars found by the search plus the one already chosen.</summary>
public static class RegistrationChoices
{
    public sealed record Category(Guid Id, string Name);

    public sealed record Lists(
        IReadOnlyList<Category> Categories,
        IReadOnlyList<RegisteringStore.Option> Stores,
        bool MayChooseNoStore,
        IReadOnlyList<TitularSearch.Candidate> Titulars,
        bool NoTitularFound)
    {
        public static Lists Empty { get; } = new([], [], false, [], false);
    }

    public sealed class Handler(LoyaltyDbContext db, RegisteringStore.Handler stores, TitularSearch.Handler search)
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
            wizard.Choices = new Lists(categories, await stores.OptionsAsync(cancellationToken), stores.MayChooseNone, titulars, noneFound);
        }
    }
}
