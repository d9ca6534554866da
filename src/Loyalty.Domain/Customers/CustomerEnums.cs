namespace Loyalty.Domain.Customers;

/// <summary>Pessoa física (CPF) or pessoa jurídica (CNPJ).</summary>
public enum PersonType
{
    PF = 1,
    PJ = 2,
}

public enum Gender
{
    NotInformed = 0,
    Female = 1,
    Male = 2,
    Other = 3,
}

/// <summary>"Quem pode resgatar?": a titular's choice, which also governs the cards of their dependents.</summary>
public enum RedeemScope
{
    TitularOnly = 1,
    AllCards = 2,
}

public enum CustomerStatus
{
    Active = 1,
    Inactive = 2,
}

/// <summary>Where a registration came from (kept for consents and reports).</summary>
public enum RegistrationOrigin
{
    Counter = 1,
    BackOffice = 2,
    Api = 3,
    Import = 4,
}
