namespace Loyalty.Domain.Common;

/// <summary>
/// A row that belongs to exactly one tenant. Persistence stamps the tenant on insert, filters every query by it and
/// PostgreSQL row-level security refuses rows of another tenant, so the property has no public setter.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
