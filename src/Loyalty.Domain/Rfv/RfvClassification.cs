using Loyalty.Domain.Common;

namespace Loyalty.Domain.Rfv;

/// <summary>
/// One customer's RFV class as one daily close computed it (SPEC §9): the measures over the window — last purchase (R),
/// number of purchases (F), value net of returns (V) — their scores 5 (best fifth) to 1, and the class "RFV" (555…111).
/// Written set-based by the close's RFV step, one row per classified account holder per business date; the history a
/// profile shows. Never edited.
/// </summary>
public sealed class RfvClassification : ITenantOwned
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public DateOnly BusinessDate { get; private set; }
    public Guid CustomerId { get; private set; }
    public DateTimeOffset LastPurchaseAt { get; private set; }
    public int Frequency { get; private set; }
    public decimal Value { get; private set; }
    public short Recency { get; private set; }
    public short FrequencyScore { get; private set; }
    public short ValueScore { get; private set; }
    public string Class { get; private set; } = "";
}
