namespace Loyalty.Domain.Tenancy;

/// <summary>How a store prints the counter's receipts: on A4 sheets, or on the 80 mm thermal roll of the counter's printer.</summary>
public enum ReceiptFormat
{
    A4,
    Roll80,
}
