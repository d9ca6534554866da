using Loyalty.Domain.Credit;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Demo;

/// <summary>
/// The `credito` tenant's credit parameters: two modalities ("Compras à vista", "Saque") and one score set in force
/// since the first day of the month three months back, built from the same domain objects the Credit Score screen saves
/// (so the weights and bands pass the same rules). Every attribute is weighed; the best applicant scores 285, the
/// minimum for approval is 150, and the bands give R$ 1.000, 2.500 or 5.000 (currency index 1).
/// Idempotent: a tenant that already has a set or a modality of that name keeps it as it is.
/// </summary>
internal static class DemoCreditScore
{
    public const string CashPurchases = "Compras à vista";
    public const string Withdrawal = "Saque";

    /// <summary>How an approved limit is split: 70 % for purchases, 30 % for cash withdrawals.</summary>
    public static readonly (string Modality, decimal Percent)[] Split = [(CashPurchases, 70m), (Withdrawal, 30m)];

    public const int MinimumScore = 150;

    private static readonly LimitBandRow[] Bands =
    [
        new(0, 149, 0m),
        new(150, 189, 1_000m),
        new(190, 229, 2_500m),
        new(230, null, 5_000m),
    ];

    private static readonly ScoreWeightRow[] Weights =
    [
        Option(ScoreAttribute.MaritalStatus, (int)MaritalStatus.Married, 30),
        Option(ScoreAttribute.MaritalStatus, (int)MaritalStatus.StableUnion, 25),
        Option(ScoreAttribute.MaritalStatus, (int)MaritalStatus.Widowed, 20),
        Option(ScoreAttribute.MaritalStatus, (int)MaritalStatus.Divorced, 15),
        Option(ScoreAttribute.MaritalStatus, (int)MaritalStatus.Unmarried, 10),
        Range(ScoreAttribute.Age, 18, 24, 10),
        Range(ScoreAttribute.Age, 25, 34, 25),
        Range(ScoreAttribute.Age, 35, 59, 35),
        Range(ScoreAttribute.Age, 60, null, 20),
        Range(ScoreAttribute.MonthlyIncome, 0m, 1_499.99m, 0),
        Range(ScoreAttribute.MonthlyIncome, 1_500m, 2_999.99m, 20),
        Range(ScoreAttribute.MonthlyIncome, 3_000m, 5_999.99m, 40),
        Range(ScoreAttribute.MonthlyIncome, 6_000m, null, 60),
        Range(ScoreAttribute.AdditionalIncome, 0m, 499.99m, 0),
        Range(ScoreAttribute.AdditionalIncome, 500m, 1_999.99m, 5),
        Range(ScoreAttribute.AdditionalIncome, 2_000m, null, 10),
        Option(ScoreAttribute.ProvenIncome, ScoreAttributes.Yes, 30),
        Option(ScoreAttribute.ProvenIncome, ScoreAttributes.No, 0),
        Option(ScoreAttribute.Occupation, (int)Occupation.CivilServant, 40),
        Option(ScoreAttribute.Occupation, (int)Occupation.Employee, 30),
        Option(ScoreAttribute.Occupation, (int)Occupation.BusinessOwner, 30),
        Option(ScoreAttribute.Occupation, (int)Occupation.Retired, 25),
        Option(ScoreAttribute.Occupation, (int)Occupation.SelfEmployed, 20),
        Option(ScoreAttribute.Occupation, (int)Occupation.Student, 5),
        Option(ScoreAttribute.Occupation, (int)Occupation.Unemployed, 0),
        Range(ScoreAttribute.MonthsAtEmployer, 0, 11, 0),
        Range(ScoreAttribute.MonthsAtEmployer, 12, 35, 15),
        Range(ScoreAttribute.MonthsAtEmployer, 36, null, 30),
        Option(ScoreAttribute.ResidenceType, (int)ResidenceType.Owned, 30),
        Option(ScoreAttribute.ResidenceType, (int)ResidenceType.Financed, 25),
        Option(ScoreAttribute.ResidenceType, (int)ResidenceType.Rented, 15),
        Option(ScoreAttribute.ResidenceType, (int)ResidenceType.Family, 10),
        Option(ScoreAttribute.ResidenceType, (int)ResidenceType.Other, 5),
        Range(ScoreAttribute.MonthsAtResidence, 0, 11, 0),
        Range(ScoreAttribute.MonthsAtResidence, 12, 59, 10),
        Range(ScoreAttribute.MonthsAtResidence, 60, null, 20),
    ];

    /// <returns>The modalities by name, for the split of the approvals.</returns>
    public static async Task<IReadOnlyDictionary<string, Guid>> SeedAsync(LoyaltyDbContext db, DateOnly today, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var modalities = await db.CreditModalities.ToDictionaryAsync(m => m.Name, cancellationToken);
        foreach (var (name, _) in Split)
        {
            if (!modalities.TryGetValue(name, out var modality))
            {
                modalities[name] = db.CreditModalities.Add(CreditModality.Create(name, now)).Entity;
            }
            else if (!modality.IsActive)
            {
                modality.SetActive(true);
            }
        }
        if (!await db.CreditScoreSets.AnyAsync(cancellationToken))
        {
            var set = CreditScoreSet.Create(EffectiveFrom(today), MinimumScore, 1m, now);
            set.ReplaceWeights(Weights);
            set.ReplaceBands(Bands);
            db.CreditScoreSets.Add(set);
        }
        await db.SaveChangesAsync(cancellationToken);
        return modalities.ToDictionary(m => m.Key, m => m.Value.Id);
    }

    /// <summary>In force well before any demo decision: the first day of the month three months back.</summary>
    public static DateOnly EffectiveFrom(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-3);

    private static ScoreWeightRow Option(ScoreAttribute attribute, int option, int points) => new(attribute, option, null, null, points);

    private static ScoreWeightRow Range(ScoreAttribute attribute, decimal from, decimal? to, int points) => new(attribute, null, from, to, points);
}
