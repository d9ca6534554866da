using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;

namespace Loyalty.Web.Features.Customers.Lookup;

/// <summary>
/// What a cashier or a POS types to name a customer: a card number or a CPF/CNPJ, with or without punctuation, the
/// alphanumeric CNPJ in any case. Eleven or fourteen digits may be both a document and a card number, so both are kept.
/// </summary>
public sealed record CustomerIdentifier(string? Document, string? CardNumber)
{
    public static CustomerIdentifier? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var document = Cpf.TryParse(text, out var cpf) ? cpf.Value : Cnpj.TryParse(text, out var cnpj) ? cnpj.Value : null;
        var card = CardNumberRule.Normalize(text.Trim());
        if (card is null || card.Length is < CardNumberRule.MinLength or > CardNumberRule.MaxLength || !card.All(char.IsAsciiDigit))
        {
            card = null;
        }
        return document is null && card is null ? null : new CustomerIdentifier(document, card);
    }
}
