namespace Loyalty.Domain.Customers;

/// <summary>
/// Optional registration fields a tenant may make required (seed 001 "Cadastro de Campos Obrigatórios"). Key fields —
/// person type, document and name — are always required and are not listed.
/// </summary>
[Flags]
public enum MandatoryFields
{
    None = 0,
    Gender = 1,
    BirthDate = 2,
    MotherName = 4,
    MobilePhone = 8,
    Email = 16,
    Address = 32,
}
