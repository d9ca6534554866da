using Loyalty.Domain.Common;

namespace Loyalty.Domain.Campaigns;

/// <summary>
/// A gift earned by buying a listed product in a periodic campaign (seed 001 "Vale Brinde", "Brinde por Produto
/// Comprado"): issued with the purchase, told to the POS, claimed at the counter and marked delivered once. A
/// cancelled purchase voids the gifts not yet delivered.
/// </summary>
public class GiftVoucher : ITenantOwned, IAudited
{
    private GiftVoucher()
    {
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid CampaignId { get; private set; }
    public long GiftRuleId { get; private set; }
    public Guid PurchaseId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid GiftProductId { get; private set; }
    public int Quantity { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public string? DeliveredBy { get; private set; }
    public Guid? DeliveredStoreId { get; private set; }

    /// <summary>The delivery's number (BRI-…): the vouchers handed over together share it, as they share one receipt.</summary>
    public long? DeliveryNumber { get; private set; }
    public DateTimeOffset? VoidedAt { get; private set; }

    public bool IsOpen => DeliveredAt is null && VoidedAt is null;

    public static GiftVoucher Issue(GiftRule rule, Guid purchaseId, Guid customerId, Guid accountId, int quantity, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CampaignId = rule.CampaignId,
        GiftRuleId = rule.Id,
        PurchaseId = purchaseId,
        CustomerId = customerId,
        AccountId = accountId,
        GiftProductId = rule.GiftProductId,
        Quantity = quantity > 0 ? quantity : throw new DomainException("Campaign.QuantityInvalid"),
        IssuedAt = now,
    };

    public void Deliver(Guid storeId, string by, long deliveryNumber, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(deliveryNumber);
        if (VoidedAt is not null)
        {
            throw new DomainException("GiftVoucher.Voided");
        }
        if (DeliveredAt is not null)
        {
            throw new DomainException("GiftVoucher.AlreadyDelivered");
        }
        DeliveredAt = now;
        DeliveredBy = Guard.Text(by, Redemption.NameMaxLength, "Redemption.ActorRequired");
        DeliveredStoreId = storeId;
        DeliveryNumber = deliveryNumber;
    }

    /// <summary>The purchase was cancelled: a gift not yet handed over is no longer due (one handed over stays delivered).</summary>
    public void Void(DateTimeOffset now)
    {
        if (IsOpen)
        {
            VoidedAt = now;
        }
    }
}
