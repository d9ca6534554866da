namespace Loyalty.Domain.Customers;

/// <summary>The 26 states and the Federal District.</summary>
public static class Uf
{
    public static readonly IReadOnlyList<string> All =
    [
        "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
        "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
    ];

    public static string? Normalize(string? uf) => uf?.Trim().ToUpperInvariant();

    public static bool IsValid(string? uf) => Normalize(uf) is { } value && All.Contains(value);
}
