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
    /// The document as printed on documents that leave the building (statement PDF): the middle digits only, the way
    /// Brazilian public bodies mask a CPF under the LGPD — ***.456.789-** and **.345.678/0001-**.
    /// </summary>
    public static string Masked(PersonType type, string document)
    {
        var formatted = Format(type, document);
        var digitsSeen = 0;
        var total = formatted.Count(char.IsAsciiLetterOrDigit);
        var (head, tail) = type == PersonType.PJ ? (2, 2) : (3, 2);
        return string.Concat(formatted.Select(c =>
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return c;
            }
            digitsSeen++;
            return digitsSeen <= head || digitsSeen > total - tail ? '*' : c;
        }));
    }

    public static string? FormatPhone(string? phone) =>
        MobilePhone.TryParse(phone, out var parsed) ? parsed.Formatted : phone;
}
