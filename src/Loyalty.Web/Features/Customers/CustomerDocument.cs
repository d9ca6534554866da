using Loyalty.Domain.Customers;

namespace Loyalty.Web.Features.Customers;

public static class CustomerDocument
{
    /// <summary>000.000.000-00 or 00.000.000/0000-00; a stored value that is neither (imported history) is shown as is.</summary>
    public static string Format(PersonType type, string document) => type switch
    {
        PersonType.PF when Cpf.TryParse(document, out var cpf) => cpf.Formatted,
        PersonType.PJ when Cnpj.TryParse(document, out var cnpj) => cnpj.Formatted,
        _ => document,
    };

    public static string? FormatPhone(string? phone) =>
        MobilePhone.TryParse(phone, out var parsed) ? parsed.Formatted : phone;
}
