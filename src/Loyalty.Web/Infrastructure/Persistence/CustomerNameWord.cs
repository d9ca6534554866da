using Loyalty.Domain.Common;

namespace Loyalty.Web.Infrastructure.Persistence;

/// <summary>
/// One word of a customer's search_name (unaccent(lower(name))), written by a database trigger whenever a customer is
/// inserted or renamed, and read only by the name search. It exists because of row-level security: PostgreSQL may use
/// an index before the tenant policy only for LEAKPROOF operators, and LIKE is not one (only a superuser can mark it),
/// so a LIKE '%…%' on the trigram index becomes a scan of the tenant's customers for the app role. Ranges over these
/// words (≥ and &lt; are leakproof) stay on a btree index.
/// </summary>
public sealed class CustomerNameWord : ITenantOwned
{
    public const string Table = "customer_name_words";

    private CustomerNameWord()
    {
        Word = string.Empty;
    }

    public Guid TenantId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Word { get; private set; }
}
