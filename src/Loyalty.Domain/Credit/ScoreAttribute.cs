namespace Loyalty.Domain.Credit;

/// <summary>
/// The fixed attributes of the credit score (seed 001: "Os atributos são fixos, não podendo ser criados novos"). A
/// categorical attribute is weighed option by option; a numeric one by ranges of its value.
/// </summary>
public enum ScoreAttribute
{
    MaritalStatus = 1,
    Age = 2,
    MonthlyIncome = 3,
    AdditionalIncome = 4,
    ProvenIncome = 5,
    Occupation = 6,
    MonthsAtEmployer = 7,
    ResidenceType = 8,
    MonthsAtResidence = 9,
}

public static class ScoreAttributes
{
    public static readonly IReadOnlyList<ScoreAttribute> All = Enum.GetValues<ScoreAttribute>();

    /// <summary>"Renda comprovada" as an option: yes or no.</summary>
    public const int Yes = 1;
    public const int No = 2;

    public static bool IsNumeric(this ScoreAttribute attribute) => attribute is ScoreAttribute.Age or ScoreAttribute.MonthlyIncome
        or ScoreAttribute.AdditionalIncome or ScoreAttribute.MonthsAtEmployer or ScoreAttribute.MonthsAtResidence;

    public static bool IsMoney(this ScoreAttribute attribute) => attribute is ScoreAttribute.MonthlyIncome or ScoreAttribute.AdditionalIncome;

    /// <summary>The option values a categorical attribute can take (its enum's values; yes/no for proven income).</summary>
    public static IReadOnlyList<int> Options(this ScoreAttribute attribute) => attribute switch
    {
        ScoreAttribute.MaritalStatus => [.. Enum.GetValues<MaritalStatus>().Select(v => (int)v)],
        ScoreAttribute.ResidenceType => [.. Enum.GetValues<ResidenceType>().Select(v => (int)v)],
        ScoreAttribute.Occupation => [.. Enum.GetValues<Occupation>().Select(v => (int)v)],
        ScoreAttribute.ProvenIncome => [Yes, No],
        _ => [],
    };

    /// <summary>The applicant's value of a numeric attribute, or null when not informed.</summary>
    public static decimal? NumericValue(this ScoreAttribute attribute, CreditApplicant applicant) => attribute switch
    {
        ScoreAttribute.Age => applicant.Age,
        ScoreAttribute.MonthlyIncome => applicant.Profile.MonthlyIncome,
        ScoreAttribute.AdditionalIncome => applicant.Profile.AdditionalIncome,
        ScoreAttribute.MonthsAtEmployer => applicant.Profile.MonthsAtEmployer,
        ScoreAttribute.MonthsAtResidence => applicant.Profile.MonthsAtResidence,
        _ => null,
    };

    /// <summary>The applicant's option of a categorical attribute, or null when not informed.</summary>
    public static int? OptionValue(this ScoreAttribute attribute, CreditApplicant applicant) => attribute switch
    {
        ScoreAttribute.MaritalStatus => (int?)applicant.Profile.MaritalStatus,
        ScoreAttribute.ResidenceType => (int?)applicant.Profile.ResidenceType,
        ScoreAttribute.Occupation => (int?)applicant.Profile.Occupation,
        ScoreAttribute.ProvenIncome => applicant.Profile.ProvenIncome is { } proven ? proven ? Yes : No : null,
        _ => null,
    };
}

/// <summary>What the score reads of a customer: the declared profile and the age on the analysis date.</summary>
public sealed record CreditApplicant(CreditProfile Profile, DateOnly? BirthDate, DateOnly AnalysisDate)
{
    public int? Age => BirthDate is { } birth ? AgeOn(birth, AnalysisDate) : null;

    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }
}
