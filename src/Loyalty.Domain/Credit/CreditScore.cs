namespace Loyalty.Domain.Credit;

/// <summary>What one attribute contributed: the applicant's option or value (null: not informed) and its points.</summary>
public sealed record ScoreLine(ScoreAttribute Attribute, int? Option, decimal? Value, int Points, int MaxPoints)
{
    public bool Informed => Option is not null || Value is not null;

    /// <summary>How many points the applicant's answer cost against the best answer of the attribute.</summary>
    public int Cost => MaxPoints - Points;
}

public sealed record ScoreResult(
    IReadOnlyList<ScoreLine> Lines, int Total, int MinimumScore, LimitBandRow? Band, decimal CurrencyIndex, decimal SuggestedLimit,
    CreditRejection Reasons)
{
    public bool Approved => Reasons == CreditRejection.None;
}

/// <summary>
/// The credit score (seed 001 "Análise Credit Score"): each attribute gives the points of the weight matching the
/// applicant's answer (none matching, or not informed: 0); the total falls in a limit band; the suggested limit is the
/// band's limit times the currency index. Approved when the total reaches the minimum score and the band gives a limit;
/// a rejection names "below minimum score" and the attributes that cost most.
/// </summary>
public static class CreditScore
{
    public const int CostliestShown = 3;

    public static ScoreResult Compute(CreditScoreSet set, CreditApplicant applicant) =>
        Compute([.. set.Weights.Select(w => w.ToRow())], [.. set.Bands.Select(b => b.ToRow())], set.MinimumScore, set.CurrencyIndex, applicant);

    public static ScoreResult Compute(IReadOnlyList<ScoreWeightRow> weights, IReadOnlyList<LimitBandRow> bands, int minimumScore,
        decimal currencyIndex, CreditApplicant applicant)
    {
        var lines = ScoreAttributes.All.Select(attribute => Line(attribute, weights.Where(w => w.Attribute == attribute).ToList(), applicant)).ToList();
        var total = lines.Sum(l => l.Points);
        var band = bands.FirstOrDefault(b => total >= b.ScoreFrom && (b.ScoreTo is null || total <= b.ScoreTo));
        var limit = band is null ? 0m : decimal.Round(band.Limit * currencyIndex, 2, MidpointRounding.AwayFromZero);
        var reasons = CreditRejection.None;
        if (total < minimumScore)
        {
            reasons |= CreditRejection.BelowMinimumScore;
        }
        if (limit <= 0)
        {
            reasons |= CreditRejection.NoLimit;
        }
        if (reasons != CreditRejection.None)
        {
            foreach (var costly in lines.Where(l => l.Cost > 0).OrderByDescending(l => l.Cost).ThenBy(l => l.Attribute).Take(CostliestShown))
            {
                reasons |= CreditRejections.Of(costly.Attribute);
            }
        }
        return new ScoreResult(lines, total, minimumScore, band, currencyIndex, reasons == CreditRejection.None ? limit : 0m, reasons);
    }

    private static ScoreLine Line(ScoreAttribute attribute, List<ScoreWeightRow> weights, CreditApplicant applicant)
    {
        var best = weights.Count == 0 ? 0 : Math.Max(0, weights.Max(w => w.Points));
        if (attribute.IsNumeric())
        {
            var value = attribute.NumericValue(applicant);
            var match = value is { } v ? weights.FirstOrDefault(w => v >= w.RangeFrom && (w.RangeTo is null || v <= w.RangeTo)) : null;
            return new ScoreLine(attribute, null, value, match?.Points ?? 0, best);
        }
        var option = attribute.OptionValue(applicant);
        var chosen = option is { } o ? weights.FirstOrDefault(w => w.Option == o) : null;
        return new ScoreLine(attribute, option, null, chosen?.Points ?? 0, best);
    }
}

/// <summary>Why a customer was not approved, kept on the decision and printed on the rejected-customers report.</summary>
[Flags]
public enum CreditRejection
{
    None = 0,
    BelowMinimumScore = 1,
    NoLimit = 2,
    MaritalStatus = 1 << 4,
    Age = 1 << 5,
    MonthlyIncome = 1 << 6,
    AdditionalIncome = 1 << 7,
    ProvenIncome = 1 << 8,
    Occupation = 1 << 9,
    MonthsAtEmployer = 1 << 10,
    ResidenceType = 1 << 11,
    MonthsAtResidence = 1 << 12,
    AnalystDecision = 1 << 13,
}

public static class CreditRejections
{
    public static CreditRejection Of(ScoreAttribute attribute) => Enum.Parse<CreditRejection>(attribute.ToString());

    public static IEnumerable<CreditRejection> Each(this CreditRejection reasons) =>
        Enum.GetValues<CreditRejection>().Where(r => r != CreditRejection.None && reasons.HasFlag(r));
}
