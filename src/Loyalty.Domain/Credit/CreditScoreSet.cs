using Loyalty.Domain.Common;

namespace Loyalty.Domain.Credit;

/// <summary>
/// A credit-score parameter set (seed 001 "Credit Score": tabs Pontuação, Limites, Índices) in force from its effective
/// date until the next set's. The analysis of a day uses the set with the latest effective date on or before it.
/// </summary>
public class CreditScoreSet : ITenantOwned, IAudited
{
    public const decimal MaxCurrencyIndex = 1000m;
    public const int MaxPoints = 100_000;

    private readonly List<ScoreWeight> weights = [];
    private readonly List<LimitBand> bands = [];

    private CreditScoreSet()
    {
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Pontuação mínima para aprovação.</summary>
    public int MinimumScore { get; private set; }

    /// <summary>Índice de moeda corrente: multiplies the band's limit.</summary>
    public decimal CurrencyIndex { get; private set; }

    public IReadOnlyCollection<ScoreWeight> Weights => weights;
    public IReadOnlyCollection<LimitBand> Bands => bands;

    public static CreditScoreSet Create(DateOnly effectiveFrom, int minimumScore, decimal currencyIndex, DateTimeOffset now)
    {
        var set = new CreditScoreSet { Id = Guid.CreateVersion7(now) };
        set.ChangeIndices(effectiveFrom, minimumScore, currencyIndex);
        return set;
    }

    public void ChangeIndices(DateOnly effectiveFrom, int minimumScore, decimal currencyIndex)
    {
        if (currencyIndex <= 0 || currencyIndex > MaxCurrencyIndex || decimal.Round(currencyIndex, 4) != currencyIndex)
        {
            throw new DomainException("Credit.CurrencyIndexInvalid");
        }
        if (Math.Abs(minimumScore) > MaxPoints)
        {
            throw new DomainException("Credit.PointsInvalid");
        }
        EffectiveFrom = effectiveFrom;
        MinimumScore = minimumScore;
        CurrencyIndex = currencyIndex;
    }

    /// <summary>Replaces the weights of the Pontuação tab; the rows must pass <see cref="ScoreWeights.Check"/>.</summary>
    public void ReplaceWeights(IEnumerable<ScoreWeightRow> rows)
    {
        var list = rows.ToList();
        if (ScoreWeights.Check(list).FirstOrDefault() is { } problem)
        {
            throw new DomainException(problem.Code);
        }
        weights.Clear();
        weights.AddRange(list.Select(r => ScoreWeight.Of(Id, r)));
    }

    /// <summary>Replaces the bands of the Limites tab; the rows must pass <see cref="LimitBands.Check"/>.</summary>
    public void ReplaceBands(IEnumerable<LimitBandRow> rows)
    {
        var list = rows.OrderBy(r => r.ScoreFrom).ToList();
        if (LimitBands.Check(list).FirstOrDefault() is { } problem)
        {
            throw new DomainException(problem.Code);
        }
        bands.Clear();
        bands.AddRange(list.Select(r => LimitBand.Of(Id, r)));
    }
}

/// <summary>One weight: an option of a categorical attribute, or a range (from–to, both inclusive; no "to" = and
/// above) of a numeric one, and the points it gives.</summary>
public class ScoreWeight : ITenantOwned, IAudited
{
    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid SetId { get; private set; }
    public ScoreAttribute Attribute { get; private set; }
    public int? Option { get; private set; }
    public decimal? RangeFrom { get; private set; }
    public decimal? RangeTo { get; private set; }
    public int Points { get; private set; }

    public ScoreWeightRow ToRow() => new(Attribute, Option, RangeFrom, RangeTo, Points);

    internal static ScoreWeight Of(Guid setId, ScoreWeightRow row) => new()
    {
        SetId = setId, Attribute = row.Attribute, Option = row.Option, RangeFrom = row.RangeFrom, RangeTo = row.RangeTo, Points = row.Points,
    };
}

/// <summary>One band of the Limites tab: scores from–to (inclusive; no "to" on the last, open-ended band) → limit.</summary>
public class LimitBand : ITenantOwned, IAudited
{
    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid SetId { get; private set; }
    public int ScoreFrom { get; private set; }
    public int? ScoreTo { get; private set; }
    public decimal Limit { get; private set; }

    public LimitBandRow ToRow() => new(ScoreFrom, ScoreTo, Limit);

    public bool Contains(int score) => score >= ScoreFrom && (ScoreTo is null || score <= ScoreTo);

    internal static LimitBand Of(Guid setId, LimitBandRow row) => new()
    {
        SetId = setId, ScoreFrom = row.ScoreFrom, ScoreTo = row.ScoreTo, Limit = row.Limit,
    };
}

public static class CreditScoreSets
{
    /// <summary>The set in force on <paramref name="day"/>: the latest effective date on or before it; null before the first.</summary>
    public static T? InForce<T>(IEnumerable<T> sets, Func<T, DateOnly> effectiveFrom, DateOnly day) where T : class =>
        sets.Where(s => effectiveFrom(s) <= day).MaxBy(effectiveFrom);
}
