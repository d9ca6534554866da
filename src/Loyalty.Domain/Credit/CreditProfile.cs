namespace Loyalty.Domain.Credit;

/// <summary>
/// What a customer declares for credit analysis (seed 001 "Credit Score": estado civil, renda, renda comprovada, tempo
/// de empresa, tipo de residência…). Every field is optional on the customer; an attribute left blank scores nothing
/// and the analysis shows it as "not informed".
/// </summary>
public sealed record CreditProfile
{
    public const int OccupationDescriptionMaxLength = 80;
    public const decimal MaxIncome = 9_999_999_999.99m;
    public const int MaxMonths = 1200;

    public static readonly CreditProfile Empty = new();

    public MaritalStatus? MaritalStatus { get; init; }
    public ResidenceType? ResidenceType { get; init; }
    public bool? ProvenIncome { get; init; }
    public Occupation? Occupation { get; init; }

    /// <summary>The job title as typed ("Vendedora"); the <see cref="Occupation"/> kind is what scores.</summary>
    public string? OccupationDescription { get; init; }

    public decimal? MonthlyIncome { get; init; }
    public decimal? AdditionalIncome { get; init; }
    public int? MonthsAtEmployer { get; init; }
    public int? MonthsAtResidence { get; init; }

    public bool IsEmpty => this == Empty;
}

public enum MaritalStatus
{
    Unmarried = 1,
    Married = 2,
    StableUnion = 3,
    Divorced = 4,
    Widowed = 5,
}

public enum ResidenceType
{
    Owned = 1,
    Rented = 2,
    Financed = 3,
    Family = 4,
    Other = 5,
}

/// <summary>The kind of occupation (ocupação): what the score weighs, beside the free job title.</summary>
public enum Occupation
{
    Employee = 1,
    CivilServant = 2,
    SelfEmployed = 3,
    BusinessOwner = 4,
    Retired = 5,
    Student = 6,
    Unemployed = 7,
}

public static class CreditProfiles
{
    /// <summary>The profile, trimmed, or a <see cref="Common.DomainException"/> naming the first field out of bounds.</summary>
    public static CreditProfile Validated(CreditProfile profile)
    {
        Ensure(profile.MaritalStatus is null || Enum.IsDefined(profile.MaritalStatus.Value), "Credit.MaritalStatusInvalid");
        Ensure(profile.ResidenceType is null || Enum.IsDefined(profile.ResidenceType.Value), "Credit.ResidenceTypeInvalid");
        Ensure(profile.Occupation is null || Enum.IsDefined(profile.Occupation.Value), "Credit.OccupationInvalid");
        Ensure(profile.MonthlyIncome is null or (>= 0 and <= CreditProfile.MaxIncome), "Credit.IncomeInvalid");
        Ensure(profile.AdditionalIncome is null or (>= 0 and <= CreditProfile.MaxIncome), "Credit.IncomeInvalid");
        Ensure(profile.MonthsAtEmployer is null or (>= 0 and <= CreditProfile.MaxMonths), "Credit.MonthsInvalid");
        Ensure(profile.MonthsAtResidence is null or (>= 0 and <= CreditProfile.MaxMonths), "Credit.MonthsInvalid");
        var description = string.IsNullOrWhiteSpace(profile.OccupationDescription) ? null : profile.OccupationDescription.Trim();
        Ensure(description is null || (description.Length <= CreditProfile.OccupationDescriptionMaxLength && Common.PlainText.IsClean(description)),
            "Credit.OccupationDescriptionInvalid");
        return profile with
        {
            OccupationDescription = description,
            MonthlyIncome = profile.MonthlyIncome is { } income ? decimal.Round(income, 2) : null,
            AdditionalIncome = profile.AdditionalIncome is { } extra ? decimal.Round(extra, 2) : null,
        };
    }

    private static void Ensure(bool valid, string code)
    {
        if (!valid)
        {
            throw new Common.DomainException(code);
        }
    }
}
