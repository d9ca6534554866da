using System.Globalization;

namespace Loyalty.Testing;

/// <summary>
/// Valid documents and card numbers computed here, independently of the domain's code, so tests stay deterministic and
/// would catch a broken check-digit routine instead of sharing its bug.
/// </summary>
public static class TestDocuments
{
    /// <summary>A valid CPF (11 digits) whose first nine digits come from the seed.</summary>
    public static string Cpf(int seed)
    {
        var body = (123_456_789L + (seed * 7_919L)) % 1_000_000_000L;
        var digits = body.ToString("D9", CultureInfo.InvariantCulture);
        if (digits.Distinct().Count() == 1)
        {
            digits = (body + 1).ToString("D9", CultureInfo.InvariantCulture);
        }
        var first = Mod11(digits, 10);
        var second = Mod11(digits + first, 11);
        return digits + first + second;
    }

    /// <summary>000.000.000-00</summary>
    public static string FormattedCpf(int seed)
    {
        var cpf = Cpf(seed);
        return $"{cpf[..3]}.{cpf[3..6]}.{cpf[6..9]}-{cpf[9..]}";
    }

    /// <summary>A valid CNPJ from its first 12 characters (digits or upper-case letters, value = ASCII − 48).</summary>
    public static string Cnpj(string first12)
    {
        int[] weights1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
        int[] weights2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
        var first = CnpjDigit(first12, weights1);
        var second = CnpjDigit(first12 + first, weights2);
        return first12 + first + second;
    }

    /// <summary>00.000.000/0000-00 (letters kept as given).</summary>
    public static string FormatCnpj(string cnpj) => $"{cnpj[..2]}.{cnpj[2..5]}.{cnpj[5..8]}/{cnpj[8..12]}-{cnpj[12..]}";

    /// <summary>prefix + zero-padded body + Luhn check digit, <paramref name="length"/> digits in all.</summary>
    public static string CardNumber(string prefix, long body, int length = 16)
    {
        var withoutCheck = prefix + body.ToString(CultureInfo.InvariantCulture).PadLeft(length - prefix.Length - 1, '0');
        return withoutCheck + LuhnDigit(withoutCheck);
    }

    public static bool IsLuhnValid(string number) => LuhnDigit(number[..^1]) == number[^1] - '0';

    private static int Mod11(string digits, int firstWeight)
    {
        var sum = digits.Select((c, i) => (c - '0') * (firstWeight - i)).Sum();
        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    private static int CnpjDigit(string characters, int[] weights)
    {
        var sum = characters.Select((c, i) => (c - 48) * weights[i]).Sum();
        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    private static int LuhnDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - (sum % 10)) % 10;
    }
}
