using Loyalty.Domain.Common;

namespace Loyalty.Domain.Customers;

/// <summary>A Brazilian postal code: 8 digits, shown as 00000-000.</summary>
public readonly record struct Cep
{
    public const int Length = 8;

    private Cep(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? input, out Cep cep)
    {
        var digits = Documents.Strip(input);
        var ok = digits is { Length: Length } && digits.All(char.IsAsciiDigit) && digits != "00000000";
        cep = ok ? new Cep(digits!) : default;
        return ok;
    }

    public static Cep Parse(string? input) => TryParse(input, out var cep) ? cep : throw new DomainException("Address.CepInvalid");

    public string Formatted => $"{Value[..5]}-{Value[5..]}";

    public override string ToString() => Value;
}
