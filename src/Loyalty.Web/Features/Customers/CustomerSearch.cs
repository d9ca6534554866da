using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// Turns a <see cref="CustomerSearchTerm"/> into a filter of the tenant's customers that an index answers for the app
/// role, under row-level security: exact comparisons on (tenant_id, document | mobile_phone | email), on the card
/// numbers and on their last digits, and ranges over <see cref="CustomerNameWord"/> for names. Used by the customer list, the block form and
/// whatever else looks a customer up by what a person types.
/// </summary>
public sealed class CustomerSearch(LoyaltyDbContext db)
{
    /// <summary>
    /// A name search reads at most this many matches, so that "maria" costs the same in a million customers as in a
    /// thousand; beyond it the screen asks for more of the name (nobody pages through a thousand Marias).
    /// </summary>
    public const int MaxMatches = 1000;

    public IQueryable<Customer> Matching(IQueryable<Customer> customers, CustomerSearchTerm term)
    {
        if (term.IsIdentifier)
        {
            var document = term.Document;
            var phone = term.Phone;
            var email = term.Email;
            var card = term.CardNumber;
            // A scalar subquery (not IN): PostgreSQL runs it once and the id comparison joins the other arms in a
            // BitmapOr over their indexes. EF leaves out the arms whose value is null.
            return customers.Where(c =>
                (document != null && c.Document == document)
                || (phone != null && c.MobilePhone == phone)
                || (email != null && c.Email == email)
                || (card != null && c.Id == db.Cards.Where(k => k.Number == card).Select(k => (Guid?)k.CustomerId).FirstOrDefault()));
        }
        if (term.CardLastDigits is { } last)
        {
            // Any card of the customer, replaced or not: the one in the customer's hand may be an older one.
            var holders = db.Cards.Where(k => EF.Property<string>(k, CardConfiguration.LastDigits) == last).Select(k => k.CustomerId);
            return customers.Where(c => holders.Contains(c.Id));
        }
        if (term.NameWords.Count > 0)
        {
            var ids = NameMatches(term).Take(MaxMatches + 1);
            return customers.Where(c => ids.Contains(c.Id));
        }
        return term.IsIncompleteNumber ? customers.Where(_ => false) : customers;
    }

    /// <summary>
    /// At most MaxMatches + 1 of what <see cref="Matching"/> found, once the caller's filters are applied. Names are
    /// bounded already, by the words they match; identifiers are exact and few (a phone a family shares), and are put
    /// in name order here so that a placeholder phone typed into a thousand imported records still reads a bounded set.
    /// </summary>
    public static IQueryable<Customer> Bounded(IQueryable<Customer> matching, CustomerSearchTerm term) =>
        term.NameWords.Count > 0 ? matching
            : matching.OrderBy(c => EF.Property<string>(c, CustomerConfiguration.SearchName)).ThenBy(c => c.Id).Take(MaxMatches + 1);

    /// <summary>Ids of the customers with, for every typed word, a word of the name that starts with it.</summary>
    public IQueryable<Guid> NameMatches(CustomerSearchTerm term)
    {
        // The longest typed word drives the search (usually the rarest); the others are checked per candidate.
        var words = term.NameWords.OrderByDescending(w => w.Length).ToList();
        var (from, to) = CustomerSearchTerm.PrefixRange(words[0]);
        var matches = db.CustomerNameWords.Where(w => w.Word.CompareTo(from) >= 0 && w.Word.CompareTo(to) < 0);
        foreach (var word in words.Skip(1))
        {
            var (otherFrom, otherTo) = CustomerSearchTerm.PrefixRange(word);
            matches = matches.Where(w => db.CustomerNameWords.Any(o => o.CustomerId == w.CustomerId
                && o.Word.CompareTo(otherFrom) >= 0 && o.Word.CompareTo(otherTo) < 0));
        }
        // In index order, so the first MaxMatches are the same ones every time (by word, then by registration).
        return matches.OrderBy(w => w.Word).ThenBy(w => w.CustomerId).Select(w => w.CustomerId);
    }

    /// <summary>True when a name matches more customers than a search reads.</summary>
    public IQueryable<Guid> BeyondMaxMatches(CustomerSearchTerm term) => NameMatches(term).Skip(MaxMatches);
}
