using Loyalty.Domain.Common;

namespace Loyalty.Domain.Customers;

/// <summary>
/// "Bloqueados para resgate" (SPEC §4): while a block is in force the customer cannot redeem in any store of the tenant;
/// they still earn points. A removed block stays as history with who removed it and when. A customer has at most one
/// block in force.
/// </summary>
public class RedemptionBlock : ITenantOwned, IAudited
{
    public const int ReasonMaxLength = 300;

    private RedemptionBlock()
    {
        Reason = string.Empty;
        BlockedBy = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset BlockedAt { get; private set; }
    public Guid? BlockedByUserId { get; private set; }
    public string BlockedBy { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public Guid? RemovedByUserId { get; private set; }
    public string? RemovedBy { get; private set; }

    public bool IsInForce => RemovedAt is null;

    public static RedemptionBlock Block(Guid customerId, string reason, Guid? userId, string userName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customerId,
        Reason = Guard.Text(reason, ReasonMaxLength, "Block.ReasonRequired"),
        BlockedAt = now,
        BlockedByUserId = userId,
        BlockedBy = userName,
    };

    public void Remove(Guid? userId, string userName, DateTimeOffset now)
    {
        if (!IsInForce)
        {
            throw new DomainException("Block.AlreadyRemoved");
        }
        RemovedAt = now;
        RemovedByUserId = userId;
        RemovedBy = userName;
    }
}
