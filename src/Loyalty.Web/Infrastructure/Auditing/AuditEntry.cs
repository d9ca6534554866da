using Loyalty.Domain.Common;

namespace Loyalty.Web.Infrastructure.Auditing;

/// <summary>One change to an audited entity: who, when, which tenant, and the values before and after (SPEC §12).
/// Append-only: the runtime database role may insert and read these rows, never update or delete them.</summary>
public class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; private set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? UserId { get; set; }

    /// <summary>The user's display name at the time, or the job/command that made the change.</summary>
    public string Actor { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;
    public string EntityId { get; set; } = string.Empty;
    public AuditAction Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? CorrelationId { get; set; }
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}
