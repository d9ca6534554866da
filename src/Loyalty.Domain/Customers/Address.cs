namespace Loyalty.Domain.Customers;

/// <summary>A postal address; every part is optional unless the tenant makes the address mandatory.</summary>
public sealed record Address
{
    public const int StreetMaxLength = 120;
    public const int NumberMaxLength = 10;
    public const int ComplementMaxLength = 60;
    public const int NeighborhoodMaxLength = 60;
    public const int CityMaxLength = 60;

    public string? Cep { get; init; }
    public string? Street { get; init; }
    public string? Number { get; init; }
    public string? Complement { get; init; }
    public string? Neighborhood { get; init; }
    public string? City { get; init; }
    public string? Uf { get; init; }

    public static Address Empty { get; } = new();

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(Cep) && !string.IsNullOrWhiteSpace(Street) && !string.IsNullOrWhiteSpace(Number)
        && !string.IsNullOrWhiteSpace(Neighborhood) && !string.IsNullOrWhiteSpace(City) && !string.IsNullOrWhiteSpace(Uf);
}
