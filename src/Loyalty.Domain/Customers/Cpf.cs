using Loyalty.Domain.Common;

namespace Loyalty.Domain.Customers;

/// <summary>
/// A Brazilian individual taxpayer number: 11 digits, the last two check digits (mod 11). Stored as the 11 digits (leading
/// zeros kept), shown as 000.000.000-00. All-equal-digit numbers pass the check-digit arithmetic but are not issued, so
/// they are refused.
/// </summary>
public readonly record struct Cpf
{
    public const int Length = 11;

    private Cpf(string digits) => Value = digits;

    public string Value { get; }

    public static bool TryParse(string? input, out Cpf cpf)
    {
        cpf = default;
        var digits = Documents.Strip(input);
        if (digits is null || digits.Length != Length || !digits.All(char.IsAsciiDigit) || Documents.AllSame(digits))
        {
            return false;
        }
        if (CheckDigit(digits.AsSpan(0, 9), 10) != digits[9] - '0' || CheckDigit(digits.AsSpan(0, 10), 11) != digits[10] - '0')
        {
            return false;
        }
        cpf = new Cpf(digits);
        return true;
    }

    public static Cpf Parse(string? input) =>
        TryParse(input, out var cpf) ? cpf : throw new DomainException("Document.CpfInvalid");

    public static bool IsValid(string? input) => TryParse(input, out _);

    public string Formatted => $"{Value[..3]}.{Value[3..6]}.{Value[6..9]}-{Value[9..]}";

    public override string ToString() => Value;

    private static int CheckDigit(ReadOnlySpan<char> digits, int firstWeight)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * (firstWeight - i);
        }
        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
