using Loyalty.Domain.Cards.Embossing;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// How a customer's type reads in SQL, for the selection and the file's agreement company field (SPEC §11: only for
/// "agreement with company in layout"). Agreement (convênio) companies are not part of the customer record yet: until
/// they are, every customer is of the loyalty and credit type and no card carries a company name.
/// </summary>
public static class EmbossingCustomerTypes
{
    /// <summary>Joined after the customer (<c>cu</c>) in <see cref="EmbossingSelection.From"/>.</summary>
    public const string Join = "";

    /// <summary>The company name printed on the card, or NULL.</summary>
    public const string CompanyOnCard = "NULL::text";

    public static string Condition(EmbossingCustomerType type) => type switch
    {
        EmbossingCustomerType.LoyaltyAndCredit => "TRUE",
        _ => "FALSE",
    };
}
