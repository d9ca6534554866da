using Loyalty.Domain.Common;

namespace Loyalty.Domain.Customers;

/// <summary>
/// A Brazilian phone number as DDD + number: 10 digits (DDD + 8, older numbers and landlines) or 11 digits (DDD + 9 + 8,
/// mobiles). The DDD must be one Anatel assigned. Stored as digits, shown as (11) 98765-4321.
/// </summary>
public readonly record struct MobilePhone
{
    /// <summary>Anatel's area codes (DDD) in use.</summary>
    public static readonly IReadOnlySet<int> ValidDdds = new HashSet<int>
    {
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38,
        41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69,
        71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    };

    private MobilePhone(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out MobilePhone phone)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }
        var digits = new string(input.Where(c => c is not ('(' or ')' or ' ' or '-' or '.' or '+')).ToArray());
        if (digits.Length == 13 && digits.StartsWith("55", StringComparison.Ordinal))
        {
            digits = digits[2..]; // +55 country code typed in front
        }
        if (digits.Length is not (10 or 11) || !digits.All(char.IsAsciiDigit) || !ValidDdds.Contains(int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture)))
        {
            return false;
        }
        if (digits.Length == 11 && digits[2] != '9')
        {
            return false; // 11-digit numbers are mobiles, which start with 9 after the DDD
        }
        phone = new MobilePhone(digits);
        return true;
    }

    public static MobilePhone Parse(string? input) =>
        TryParse(input, out var phone) ? phone : throw new DomainException("Contact.PhoneInvalid");

    public string Formatted => Value.Length == 11
        ? $"({Value[..2]}) {Value[2..7]}-{Value[7..]}"
        : $"({Value[..2]}) {Value[2..6]}-{Value[6..]}";

    public override string ToString() => Value;
}
