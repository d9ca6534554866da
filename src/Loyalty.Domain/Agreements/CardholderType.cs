namespace Loyalty.Domain.Agreements;

/// <summary>The embosser file's "customer type" (SPEC §11): what kind of holder the plastic is printed for.</summary>
public enum CardholderType
{
    /// <summary>A loyalty-and-credit customer, approved by the credit analysis.</summary>
    LoyaltyAndCredit = 1,

    /// <summary>Registered under an agreement whose company's name stays off the plastic.</summary>
    Agreement = 2,

    /// <summary>Registered under an agreement whose company is "no layout": its name goes on the embosser file.</summary>
    AgreementWithCompanyInLayout = 3,
}

/// <summary>How other features (the embosser file) tell a card's holder type from the customer's agreement company.</summary>
public static class CardholderTypes
{
    /// <param name="company">The customer's agreement company, or null for a customer outside any agreement.</param>
    public static CardholderType Of(AgreementCompany? company) => Of(company is not null, company?.NameOnEmbosserFile == true);

    /// <summary>The same from two columns, for queries that project them instead of loading the company.</summary>
    public static CardholderType Of(bool underAgreement, bool companyInLayout) =>
        !underAgreement ? CardholderType.LoyaltyAndCredit
        : companyInLayout ? CardholderType.AgreementWithCompanyInLayout
        : CardholderType.Agreement;

    /// <summary>The company name the embosser file carries: only for a company "no layout".</summary>
    public static string? CompanyNameOnFile(AgreementCompany? company) => company is { NameOnEmbosserFile: true } ? company.Name : null;
}
