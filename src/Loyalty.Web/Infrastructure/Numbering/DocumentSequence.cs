using Loyalty.Domain.Common;
using Loyalty.Domain.Numbering;

namespace Loyalty.Web.Infrastructure.Numbering;

/// <summary>The last number a tenant gave to one kind of record. Written only by <see cref="DocumentNumbers"/>.</summary>
public sealed class DocumentSequence : ITenantOwned
{
    private DocumentSequence()
    {
    }

    public Guid TenantId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public long LastNumber { get; private set; }
}
