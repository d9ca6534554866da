using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards;

/// <summary>
/// A tenant's card numbering: digits only, a fixed prefix and a fixed length, the last digit a Luhn check digit.
/// Generated numbers are prefix + a zero-padded sequence + the check digit; pre-printed cards typed at the counter are
/// checked against the same rule, Luhn included, because they come from the same numbering.
/// </summary>
public sealed record CardNumberRule
{
    public const int MinLength = 8;
    public const int MaxLength = 19;
    public const int MaxPrefixLength = 8;

    public CardNumberRule(string prefix, int length)
    {
        if (length is < MinLength or > MaxLength)
        {
            throw new DomainException("Card.RuleLengthInvalid");
        }
        if (prefix.Length > MaxPrefixLength || !prefix.All(char.IsAsciiDigit) || prefix.Length > length - 2)
        {
            throw new DomainException("Card.RulePrefixInvalid");
        }
        Prefix = prefix;
        Length = length;
    }

    public string Prefix { get; }
    public int Length { get; }

    /// <summary>How many numbers the rule can generate: the digits between the prefix and the check digit.</summary>
    public long Capacity => (long)Math.Min(Math.Pow(10, Length - Prefix.Length - 1), long.MaxValue);

    public static string? Normalize(string? typed) =>
        typed is null ? null : new string(typed.Where(c => c is not (' ' or '-' or '.')).ToArray());

    public bool Accepts(string? typed)
    {
        var digits = Normalize(typed);
        return digits is not null && digits.Length == Length && digits.All(char.IsAsciiDigit)
               && digits.StartsWith(Prefix, StringComparison.Ordinal) && Luhn.IsValid(digits);
    }

    public string Generate(long sequence)
    {
        if (sequence < 0 || sequence >= Capacity)
        {
            throw new DomainException("Card.NumbersExhausted");
        }
        var body = Prefix + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)
            .PadLeft(Length - Prefix.Length - 1, '0');
        return body + Luhn.CheckDigit(body);
    }
}

/// <summary>The Luhn (mod 10) check digit of card numbers.</summary>
public static class Luhn
{
    public static int CheckDigit(string body)
    {
        var sum = 0;
        var doubleIt = true; // the digit left of the check digit is doubled
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    public static bool IsValid(string number) =>
        number.Length >= 2 && number.All(char.IsAsciiDigit) && CheckDigit(number[..^1]) == number[^1] - '0';
}
