using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// "Gerenciar clientes": the tenant's customers, searched by one box and filtered, a page at a time. Customers belong
/// to the tenant's program, not to a store (one registered at store A buys and is served at store B), so every desk
/// role sees all of them; the store filter is the registering store. There is no total count: counting a million rows
/// on every page costs more than the page, so the screen shows the page number and whether a next page exists.
/// </summary>
public static class CustomerList
{
    public const int PageSize = 25;

    public sealed class Query
    {
        [Display(Name = "CustomerList.Search")]
        public string? Q { get; set; }

        [Display(Name = "Customer.Category")]
        public Guid? CategoryId { get; set; }

        [Display(Name = "CustomerList.Store")]
        public Guid? StoreId { get; set; }

        [Display(Name = "Status")]
        public CustomerStatus? Status { get; set; }

        public RelationshipView View { get; set; }

        public int Page { get; set; } = 1;
    }

    /// <summary>What a page reads from customers; names of categories and stores and the cards come after.</summary>
    public sealed record Found(Guid Id, string Name, string SearchName, PersonType PersonType, string Document,
        Guid CategoryId, Guid? StoreId, CustomerStatus Status, bool IsDependent);

    public sealed record Row(Guid Id, string Name, string Document, string? Card, string Category, string? Store,
        CustomerStatus Status, bool IsDependent);

    public sealed record Option(Guid Id, string Name);

    public sealed record Result(Query Query, CustomerSearchTerm Term, List<Row> Rows, bool HasNext, bool TooManyMatches,
        List<Option> Categories, List<Option> Stores);

    public sealed class Handler(LoyaltyDbContext db, CustomerSearch search, CardNumberDisplay cards)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            query.Page = Shared.ListBounds.Page(query.Page, PageSize);
            var term = CustomerSearchTerm.Parse(query.Q);
            var found = await Candidates(query, term).ToListAsync(cancellationToken);
            var tooMany = term.NameWords.Count > 0 && await search.BeyondMaxMatches(term).AnyAsync(cancellationToken);
            if (!term.IsEmpty)
            {
                // A search reads a bounded set (see Candidates); its order and page are taken here.
                found = [.. found.OrderBy(f => f.SearchName, StringComparer.Ordinal).ThenBy(f => f.Id)
                    .Skip((query.Page - 1) * PageSize).Take(PageSize + 1)];
            }
            var page = found.Take(PageSize).ToList();
            var categories = await db.CustomerCategories.AsNoTracking().OrderBy(c => c.Name)
                .Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken);
            var stores = await db.Stores.AsNoTracking().OrderBy(s => s.Code)
                .Select(s => new Option(s.Id, s.Code + " — " + s.Name)).ToListAsync(cancellationToken);
            var mainCards = await MainCards.ForAsync(db, [.. page.Select(f => f.Id)], cards, cancellationToken);
            var rows = page.Select(f => new Row(f.Id, f.Name, CustomerDocument.Format(f.PersonType, f.Document),
                mainCards.GetValueOrDefault(f.Id),
                categories.FirstOrDefault(c => c.Id == f.CategoryId)?.Name ?? string.Empty,
                stores.FirstOrDefault(s => s.Id == f.StoreId)?.Name, f.Status, f.IsDependent)).ToList();
            return new Result(query, term, rows, found.Count > PageSize, tooMany, categories, stores);
        }

        /// <summary>
        /// The one query of a page. Browsing (no search) reads the page in search_name order straight from an index
        /// (one per filter, see CustomerConfiguration). A search reads every match, at most MaxMatches + 1, and a name
        /// search reads them unordered: ordering it in SQL would let the planner walk the whole name index looking for
        /// the matches (a first name such as "wanderlei" sits at the end of it), while they come from their own index.
        /// </summary>
        public IQueryable<Found> Candidates(Query query, CustomerSearchTerm term)
        {
            var customers = search.Matching(db.Customers.AsNoTracking(), term);
            if (query.CategoryId is { } categoryId)
            {
                customers = customers.Where(c => c.CategoryId == categoryId);
            }
            if (query.StoreId is { } storeId)
            {
                customers = customers.Where(c => c.RegisteringStoreId == storeId);
            }
            if (query.Status is { } status)
            {
                customers = customers.Where(c => c.Status == status);
            }
            customers = customers.InView(query.View, db);
            if (term.IsEmpty)
            {
                customers = customers
                    .OrderBy(c => EF.Property<string>(c, CustomerConfiguration.SearchName)).ThenBy(c => c.Id)
                    .Skip((query.Page - 1) * PageSize).Take(PageSize + 1);
            }
            else
            {
                customers = CustomerSearch.Bounded(customers, term);
            }
            return customers.Select(c => new Found(c.Id, c.Name, EF.Property<string>(c, CustomerConfiguration.SearchName),
                c.PersonType, c.Document, c.CategoryId, c.RegisteringStoreId, c.Status, c.TitularId != null));
        }
    }
}
