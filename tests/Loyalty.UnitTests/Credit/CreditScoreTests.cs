using Loyalty.Domain.Common;
using Loyalty.Domain.Credit;

namespace Loyalty.UnitTests.Credit;

/// <summary>SPEC §8 credit score: attribute points by option and range, the band of the total, the currency index, the
/// minimum score, the reasons of a rejection and the set in force on the analysis date.</summary>
public sealed class CreditScoreTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static readonly ScoreWeightRow[] Weights =
    [
        new(ScoreAttribute.MaritalStatus, (int)MaritalStatus.Married, null, null, 30),
        new(ScoreAttribute.MaritalStatus, (int)MaritalStatus.Unmarried, null, null, 10),
        new(ScoreAttribute.ProvenIncome, ScoreAttributes.Yes, null, null, 40),
        new(ScoreAttribute.ProvenIncome, ScoreAttributes.No, null, null, 0),
        new(ScoreAttribute.Age, null, 18, 25, 5),
        new(ScoreAttribute.Age, null, 26, 60, 20),
        new(ScoreAttribute.MonthlyIncome, null, 0, 1999.99m, 0),
        new(ScoreAttribute.MonthlyIncome, null, 2000, null, 50),
        new(ScoreAttribute.MonthsAtEmployer, null, 12, null, 15),
    ];

    private static readonly LimitBandRow[] Bands = [new(0, 49, 0m), new(50, 99, 500m), new(100, 149, 1000m), new(150, null, 3000m)];

    private static CreditApplicant Applicant(MaritalStatus? marital = MaritalStatus.Married, bool? proven = true, decimal? income = 2500m,
        int? months = 24, DateOnly? birth = null) =>
        new(new CreditProfile { MaritalStatus = marital, ProvenIncome = proven, MonthlyIncome = income, MonthsAtEmployer = months },
            birth ?? new DateOnly(1990, 1, 1), Today);

    private static ScoreResult Score(CreditApplicant applicant, int minimum = 60, decimal index = 1m) =>
        CreditScore.Compute(Weights, Bands, minimum, index, applicant);

    [Fact]
    public void Each_Attribute_Should_Give_The_Points_Of_The_Applicants_Option_Or_Range()
    {
        var result = Score(Applicant());
        Assert.Equal(30, Line(result, ScoreAttribute.MaritalStatus).Points);
        Assert.Equal((int)MaritalStatus.Married, Line(result, ScoreAttribute.MaritalStatus).Option);
        Assert.Equal(40, Line(result, ScoreAttribute.ProvenIncome).Points);
        Assert.Equal(20, Line(result, ScoreAttribute.Age).Points);
        Assert.Equal(36, Line(result, ScoreAttribute.Age).Value);
        Assert.Equal(50, Line(result, ScoreAttribute.MonthlyIncome).Points);
        Assert.Equal(15, Line(result, ScoreAttribute.MonthsAtEmployer).Points);
        Assert.Equal(155, result.Total);
    }

    [Fact]
    public void An_Attribute_Not_Informed_Or_Outside_Every_Range_Should_Score_Zero()
    {
        var result = Score(Applicant(marital: null, months: 6));
        Assert.False(Line(result, ScoreAttribute.MaritalStatus).Informed);
        Assert.Equal(0, Line(result, ScoreAttribute.MaritalStatus).Points);
        Assert.Equal(0, Line(result, ScoreAttribute.MonthsAtEmployer).Points);
        Assert.Equal(110, result.Total);
    }

    [Fact]
    public void The_Range_Bounds_Should_Both_Count_And_The_Open_Range_Have_No_End()
    {
        Assert.Equal(5, Line(Score(Applicant(birth: Today.AddYears(-25))), ScoreAttribute.Age).Points);
        Assert.Equal(20, Line(Score(Applicant(birth: Today.AddYears(-26))), ScoreAttribute.Age).Points);
        Assert.Equal(50, Line(Score(Applicant(income: 2000m)), ScoreAttribute.MonthlyIncome).Points);
        Assert.Equal(50, Line(Score(Applicant(income: 1_000_000m)), ScoreAttribute.MonthlyIncome).Points);
        Assert.Equal(0, Line(Score(Applicant(income: 1999.99m)), ScoreAttribute.MonthlyIncome).Points);
    }

    [Fact]
    public void The_Suggested_Limit_Should_Be_The_Bands_Limit_Times_The_Currency_Index()
    {
        var result = Score(Applicant(months: 6), index: 1.5m); // 110 points: band 100–149
        Assert.Equal(new LimitBandRow(100, 149, 1000m), result.Band);
        Assert.Equal(1500m, result.SuggestedLimit);
        Assert.True(result.Approved);
        Assert.Equal(4500m, Score(Applicant(), index: 1.5m).SuggestedLimit); // 155: the open-ended band
    }

    [Fact]
    public void Below_The_Minimum_Score_Should_Reject_Naming_The_Attributes_That_Cost_Most()
    {
        // Unmarried (10 of 30), no proven income (0 of 40), income 1000 (0 of 50), 6 months (0 of 15), age 20 (5 of 20).
        var result = Score(Applicant(MaritalStatus.Unmarried, false, 1000m, 6, Today.AddYears(-20)));
        Assert.Equal(15, result.Total);
        Assert.False(result.Approved);
        Assert.Equal(0m, result.SuggestedLimit);
        Assert.Equal(CreditRejection.BelowMinimumScore | CreditRejection.NoLimit | CreditRejection.MonthlyIncome
            | CreditRejection.ProvenIncome | CreditRejection.MaritalStatus, result.Reasons);
    }

    [Fact]
    public void A_Total_Reaching_The_Minimum_In_A_Zero_Limit_Band_Should_Still_Reject()
    {
        var result = Score(Applicant(MaritalStatus.Unmarried, true, 1000m, 6, Today.AddYears(-20)), minimum: 0); // 55 → 500
        Assert.True(result.Approved);
        var zeroBand = Score(Applicant(MaritalStatus.Unmarried, false, 1000m, 6, Today.AddYears(-20)), minimum: 0); // 15 → 0
        Assert.Equal(CreditRejection.NoLimit, zeroBand.Reasons & (CreditRejection.NoLimit | CreditRejection.BelowMinimumScore));
    }

    [Fact]
    public void The_Set_In_Force_Should_Be_The_Latest_Effective_On_Or_Before_The_Day()
    {
        var sets = new[] { new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1) };
        Assert.Equal(new DateOnly(2026, 12, 1), CreditScoreSets.InForce(sets.Select(d => (object)d), o => (DateOnly)o, Today));
        Assert.Equal(new DateOnly(2026, 1, 1), CreditScoreSets.InForce(sets.Select(d => (object)d), o => (DateOnly)o, new DateOnly(2026, 11, 30)));
        Assert.Null(CreditScoreSets.InForce(sets.Select(d => (object)d), o => (DateOnly)o, new DateOnly(2025, 12, 31)));
    }

    [Theory]
    [InlineData(new[] { 0, 49, 50 }, "Credit.LastBandOpen")]
    [InlineData(new[] { 0, 49, 49 }, "Credit.BandOverlaps")]
    [InlineData(new[] { 0, 49, 51 }, "Credit.BandGap")]
    public void Limit_Bands_Should_Have_No_Overlap_No_Gap_And_An_Open_End(int[] bounds, string expected)
    {
        var rows = new List<LimitBandRow> { new(bounds[0], bounds[1], 100m), new(bounds[2], expected == "Credit.LastBandOpen" ? 99 : null, 200m) };
        Assert.Equal(expected, LimitBands.Check(rows).First().Code);
        Assert.Empty(LimitBands.Check(Bands));
    }

    [Fact]
    public void Overlapping_Ranges_And_Repeated_Options_Should_Be_Refused()
    {
        Assert.Equal("Credit.RangeOverlaps", ScoreWeights.Check([.. Weights, new(ScoreAttribute.Age, null, 60, 70, 1)]).Single().Code);
        Assert.Equal("Credit.OptionRepeated", ScoreWeights.Check([.. Weights, new(ScoreAttribute.ProvenIncome, ScoreAttributes.No, null, null, 1)]).Single().Code);
        Assert.Equal("Credit.OptionInvalid", ScoreWeights.Check([new(ScoreAttribute.ResidenceType, 99, null, null, 1)]).Single().Code);
        var set = CreditScoreSet.Create(Today, 60, 1m, DateTimeOffset.UtcNow);
        Assert.Throws<DomainException>(() => set.ReplaceBands([new(0, 10, 1m)]));
    }

    [Fact]
    public void A_Split_Should_Add_To_100_And_Its_Amounts_To_The_Limit()
    {
        ModalityPercent Share(decimal percent) => new(Guid.NewGuid(), "M", percent);
        Assert.Null(ModalitySplit.Problem([Share(33.33m), Share(33.33m), Share(33.34m)]));
        Assert.Equal("Credit.SplitNot100", ModalitySplit.Problem([Share(50m), Share(40m)]));
        Assert.Equal("Credit.SplitRequired", ModalitySplit.Problem([]));
        var amounts = ModalitySplit.Amounts(100m, [Share(33.33m), Share(33.33m), Share(33.34m)]);
        Assert.Equal(100m, amounts.Sum());
        Assert.Equal(33.33m, amounts[0]);
    }

    [Fact]
    public void A_Manual_Approval_Above_The_Analysts_Authority_Should_Be_Refused_Naming_It()
    {
        var analyst = new CreditAnalyst(Guid.NewGuid(), "Ana", 2000m, DateTimeOffset.UtcNow);
        ModalityPercent[] all = [new(Guid.NewGuid(), "Compras", 100m)];
        var refused = Assert.Throws<DomainException>(() =>
            CreditDecision.Approve(analyst, Guid.NewGuid(), Guid.NewGuid(), CreditAnalysisMode.Manual, null, null, 2000.01m, all, null));
        Assert.Equal("Credit.AboveAuthority", refused.Code);
        Assert.Equal(2000m, refused.Arguments.Single());
        var approved = CreditDecision.Approve(analyst, Guid.NewGuid(), Guid.NewGuid(), CreditAnalysisMode.Manual, null, null, 2000m, all, null);
        Assert.Equal(2000m, approved.Shares.Single().Amount);
    }

    private static ScoreLine Line(ScoreResult result, ScoreAttribute attribute) => result.Lines.Single(l => l.Attribute == attribute);
}
