using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// What the one search box of the customer screens understands (SPEC §3), worked out before any query runs:
/// <list type="bullet">
/// <item>an e-mail (it has an @): exact, case-insensitive — e-mails are stored lower-case;</item>
/// <item>digits, punctuated or not: a CPF or CNPJ whose check digits hold, a phone with DDD, a card number. An 11-digit
/// string can be a CPF, a mobile and a card at once, so every reading that parses is searched;</item>
/// <item>exactly four digits, with or without the mask's bullets ("•••• 1234"): the last digits of a card, as masked
/// screens show them — several customers may match;</item>
/// <item>an alphanumeric CNPJ, lower case accepted;</item>
/// <item>anything else: words of the name, each matching the start of a word of the name, accent- and case-insensitive
/// and in any order ("jo silv" finds "João da Silva").</item>
/// </list>
/// </summary>
public sealed partial record CustomerSearchTerm
{
    public const int MaxLength = 120;
    public const int MaxNameWords = 5;

    // unaccent() maps these letters, which have no Unicode decomposition, to plain letters; the query must do the same.
    private static readonly Dictionary<char, string> Unaccented = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['ł'] = "l", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ı'] = "i",
    };

    public static CustomerSearchTerm Empty { get; } = new();

    public string? Document { get; private init; }
    public string? Phone { get; private init; }
    public string? CardNumber { get; private init; }
    public string? Email { get; private init; }
    public IReadOnlyList<string> NameWords { get; private init; } = [];

    /// <summary>The last digits of a card (<see cref="Card.VisibleDigits"/> of them), as a masked screen shows them.</summary>
    public string? CardLastDigits { get; private init; }

    /// <summary>Digits that make no complete CPF/CNPJ, phone or card: nothing is searched, the screen says why.</summary>
    public bool IsIncompleteNumber { get; private init; }

    public bool IsEmpty => !IsIdentifier && NameWords.Count == 0 && CardLastDigits is null && !IsIncompleteNumber;
    public bool IsIdentifier => Document is not null || Phone is not null || CardNumber is not null || Email is not null;

    public static CustomerSearchTerm Parse(string? input)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        if (text.Length == 0)
        {
            return Empty;
        }
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return new CustomerSearchTerm { Email = text.ToLowerInvariant() };
        }
        // The mask's bullets go too, so "•••• 1234" copied from a screen is its last digits.
        var compact = new string([.. text.Where(c => c is not ('.' or '-' or '/' or ' ' or '(' or ')' or '+' or '•' or '*'))]);
        if (compact.Any(char.IsAsciiDigit))
        {
            var term = new CustomerSearchTerm
            {
                Document = Cpf.TryParse(compact, out var cpf) ? cpf.Value : Cnpj.TryParse(compact, out var cnpj) ? cnpj.Value : null,
                Phone = MobilePhone.TryParse(text, out var phone) ? phone.Value : null,
                CardNumber = compact.Length is >= CardNumberRule.MinLength and <= CardNumberRule.MaxLength && compact.All(char.IsAsciiDigit)
                    ? compact : null,
            };
            if (term.IsIdentifier)
            {
                return term;
            }
            if (compact.Length == Card.VisibleDigits && compact.All(char.IsAsciiDigit))
            {
                return new CustomerSearchTerm { CardLastDigits = compact };
            }
            if (!compact.Any(char.IsLetter))
            {
                return new CustomerSearchTerm { IsIncompleteNumber = true };
            }
        }
        var words = Words(text);
        return words.Count == 0 ? Empty : new CustomerSearchTerm { NameWords = words };
    }

    /// <summary>The name as the database's search_name has it: unaccent(lower(name)).</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (Unaccented.TryGetValue(c, out var replacement))
            {
                plain.Append(replacement);
            }
            else
            {
                plain.Append(c);
            }
        }
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a name split as the database splits them (anything but letters and digits separates).</summary>
    public static IReadOnlyList<string> Words(string text) =>
        [.. WordSeparator().Split(Normalize(text)).Where(w => w.Length > 0).Distinct().Take(MaxNameWords)];

    /// <summary>
    /// The range of stored words that start with <paramref name="prefix"/>: From ≤ word &lt; To. The words column uses the
    /// "C" collation (code-point order), so raising the last character by one bounds the prefix exactly.
    /// </summary>
    public static (string From, string To) PrefixRange(string prefix) =>
        (prefix, string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString()));

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex WordSeparator();
}
