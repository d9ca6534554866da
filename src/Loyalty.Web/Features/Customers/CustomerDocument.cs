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

    /// <summary>
    /// The document as printed on a receipt handed to the customer: the middle digits only (***.456.789-**,
    /// **.345.678/0001-**), enough for the customer to recognise it and useless to anyone who finds the paper.
    /// </summary>
    public static string Masked(PersonType type, string document)
    {
        var formatted = Format(type, document);
        return formatted.Length switch
        {
            14 when type == PersonType.PF => "***" + formatted[3..^2] + "**",
            18 when type == PersonType.PJ => "**" + formatted[2..^2] + "**",
            _ => formatted.Length <= 4 ? formatted : new string('*', formatted.Length - 4) + formatted[^4..],
        };
    }

    public static string? FormatPhone(string? phone) =>
        MobilePhone.TryParse(phone, out var parsed) ? parsed.Formatted : phone;
}
