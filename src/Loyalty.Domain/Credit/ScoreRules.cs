namespace Loyalty.Domain.Credit;

public sealed record ScoreWeightRow(ScoreAttribute Attribute, int? Option, decimal? RangeFrom, decimal? RangeTo, int Points);

public sealed record LimitBandRow(int ScoreFrom, int? ScoreTo, decimal Limit);

/// <summary>A rule a row breaks: its index in the list as given and the message key.</summary>
public sealed record RowProblem(int Index, string Code);

/// <summary>The rules of the Pontuação tab.</summary>
public static class ScoreWeights
{
    public static IEnumerable<RowProblem> Check(IReadOnlyList<ScoreWeightRow> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!Enum.IsDefined(row.Attribute))
            {
                yield return new RowProblem(i, "Credit.AttributeInvalid");
                continue;
            }
            if (Math.Abs(row.Points) > CreditScoreSet.MaxPoints)
            {
                yield return new RowProblem(i, "Credit.PointsInvalid");
            }
            if (row.Attribute.IsNumeric())
            {
                if (row.RangeFrom is not { } from || from < 0 || (row.RangeTo is { } to && to < from))
                {
                    yield return new RowProblem(i, "Credit.RangeInvalid");
                }
                // Two ranges of one attribute may not share a value: which one scores would be a guess.
                else if (rows.Take(i).Any(o => o.Attribute == row.Attribute && o.RangeFrom is { } oFrom
                    && from <= (o.RangeTo ?? decimal.MaxValue) && oFrom <= (row.RangeTo ?? decimal.MaxValue)))
                {
                    yield return new RowProblem(i, "Credit.RangeOverlaps");
                }
            }
            else if (row.Option is not { } option || !row.Attribute.Options().Contains(option))
            {
                yield return new RowProblem(i, "Credit.OptionInvalid");
            }
            else if (rows.Take(i).Any(o => o.Attribute == row.Attribute && o.Option == option))
            {
                yield return new RowProblem(i, "Credit.OptionRepeated");
            }
        }
    }
}

/// <summary>The rules of the Limites tab (seed 001: "atentar para não haver intercessões de pontuações e incluir uma
/// finalização dos intervalos"): bands ordered by their start, each starting right after the previous one ends (no
/// overlap, no gap), only the last one open-ended, limits not negative.</summary>
public static class LimitBands
{
    public static IEnumerable<RowProblem> Check(IReadOnlyList<LimitBandRow> rows)
    {
        if (rows.Count == 0)
        {
            yield return new RowProblem(-1, "Credit.BandsRequired");
            yield break;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Limit < 0 || decimal.Round(row.Limit, 2) != row.Limit || row.Limit > CreditProfile.MaxIncome)
            {
                yield return new RowProblem(i, "Credit.LimitInvalid");
            }
            if (row.ScoreTo is { } to && to < row.ScoreFrom)
            {
                yield return new RowProblem(i, "Credit.BandInvalid");
                continue;
            }
            if (i == rows.Count - 1)
            {
                if (row.ScoreTo is not null)
                {
                    yield return new RowProblem(i, "Credit.LastBandOpen");
                }
                continue;
            }
            if (row.ScoreTo is not { } end)
            {
                yield return new RowProblem(i, "Credit.OnlyLastBandOpen");
            }
            else if (rows[i + 1].ScoreFrom <= end)
            {
                yield return new RowProblem(i + 1, "Credit.BandOverlaps");
            }
            else if (rows[i + 1].ScoreFrom > end + 1)
            {
                yield return new RowProblem(i + 1, "Credit.BandGap");
            }
        }
    }
}
