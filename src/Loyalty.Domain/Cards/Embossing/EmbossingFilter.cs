using System.ComponentModel.DataAnnotations;

namespace Loyalty.Domain.Cards.Embossing;

/// <summary>The customer types of the embossing filter (seed 001 "Cartões para Embossing").</summary>
public enum EmbossingCustomerType
{
    /// <summary>A customer of the loyalty and credit card, approved by the credit analysis.</summary>
    LoyaltyAndCredit = 1,

    /// <summary>A customer of an agreement (convênio) company whose name is not printed on the card.</summary>
    Agreement = 2,

    /// <summary>A customer of an agreement company whose name goes on the card (the file's last field).</summary>
    AgreementInLayout = 3,
}

/// <summary>Which approved (07) cards go into a batch. Every criterion is optional; none means every approved card.</summary>
public sealed class EmbossingFilter
{
    public const int NameMaxLength = 100;

    [Display(Name = "Embossing.RegisteredFrom")]
    [DataType(DataType.Date)]
    public DateOnly? RegisteredFrom { get; set; }

    [Display(Name = "Embossing.RegisteredTo")]
    [DataType(DataType.Date)]
    public DateOnly? RegisteredTo { get; set; }

    [Display(Name = "Embossing.Store")]
    public Guid? StoreId { get; set; }

    [Display(Name = "Embossing.CardNumber")]
    public string? CardNumber { get; set; }

    [Display(Name = "Embossing.CustomerName")]
    public string? Name { get; set; }

    [Display(Name = "Embossing.CustomerType")]
    public EmbossingCustomerType? CustomerType { get; set; }
}
