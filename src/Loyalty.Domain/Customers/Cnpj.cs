using Loyalty.Domain.Common;

namespace Loyalty.Domain.Customers;

/// <summary>
/// A Brazilian company number, numeric or alphanumeric (Receita Federal, in force since July 2026): 12 characters 0-9/A-Z
/// then two numeric check digits computed mod 11 over each character's ASCII code − 48 (so '0'..'9' are 0..9 and 'A' is
/// 17 — not 10, as some published code has it). Official example: 12.ABC.345/01DE-35. Lower case is accepted and
/// normalised to upper case; all-equal numbers such as 00000000000000 are refused.
/// </summary>
public readonly record struct Cnpj
{
    public const int Length = 14;
    private static readonly int[] FirstWeights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] SecondWeights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    private Cnpj(string value) => Value = value;

    public string Value { get; }

    public bool IsAlphanumeric => Value.Any(char.IsAsciiLetter);

    public static bool TryParse(string? input, out Cnpj cnpj)
    {
        cnpj = default;
        var value = Documents.Strip(input)?.ToUpperInvariant();
        if (value is null || value.Length != Length || Documents.AllSame(value))
        {
            return false;
        }
        if (!value[..12].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) || !value[12..].All(char.IsAsciiDigit))
        {
            return false;
        }
        if (CheckDigit(value.AsSpan(0, 12), FirstWeights) != value[12] - '0'
            || CheckDigit(value.AsSpan(0, 13), SecondWeights) != value[13] - '0')
        {
            return false;
        }
        cnpj = new Cnpj(value);
        return true;
    }

    public static Cnpj Parse(string? input) =>
        TryParse(input, out var cnpj) ? cnpj : throw new DomainException("Document.CnpjInvalid");

    public static bool IsValid(string? input) => TryParse(input, out _);

    public string Formatted => $"{Value[..2]}.{Value[2..5]}.{Value[5..8]}/{Value[8..12]}-{Value[12..]}";

    public override string ToString() => Value;

    /// <summary>The check digit over the given characters; exposed so tests and data generators can build valid numbers.</summary>
    public static int CheckDigit(ReadOnlySpan<char> characters, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < characters.Length; i++)
        {
            sum += (characters[i] - 48) * weights[i];
        }
        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    public static int CheckDigit(ReadOnlySpan<char> characters) =>
        CheckDigit(characters, characters.Length == 12 ? FirstWeights : SecondWeights);
}
