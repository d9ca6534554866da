using Loyalty.Domain.Credit;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Audit;

public static partial class AuditRecordTypes
{
    private static readonly AuditSubject OfScoreSet = new(RecordKind.CreditScoreSet, IdField: "SetId");

    private static IEnumerable<AuditRecordType> Credit() =>
    [
        new("CreditScoreSet", "Audit.Type.CreditScoreSet")
        {
            Subject = new(RecordKind.CreditScoreSet),
            Fields =
            [
                ("EffectiveFrom", AuditField.Date("CreditScore.EffectiveFrom")), ("MinimumScore", AuditField.Number("CreditScore.MinimumScore")),
                ("CurrencyIndex", AuditField.Rate("CreditScore.CurrencyIndex")),
            ],
        },
        new("ScoreWeight", "Audit.Type.ScoreWeight")
        {
            Subject = OfScoreSet,
            Fields =
            [
                ("Attribute", AuditField.Enum<ScoreAttribute>("CreditScore.Attribute", "ScoreAttribute.")),
                ("Option", AuditField.Number("CreditScore.Option")), ("RangeFrom", AuditField.Number("CreditScore.RangeFrom")),
                ("RangeTo", AuditField.Number("CreditScore.RangeTo") with { Empty = "CreditScore.AndAbove" }),
                ("Points", AuditField.Number("CreditScore.Points")),
            ],
            Hidden = new HashSet<string> { "SetId" },
        },
        new("LimitBand", "Audit.Type.LimitBand")
        {
            Subject = OfScoreSet,
            Fields =
            [
                ("ScoreFrom", AuditField.Number("CreditScore.ScoreFrom")),
                ("ScoreTo", AuditField.Number("CreditScore.ScoreTo") with { Empty = "CreditScore.AndAbove" }),
                ("Limit", AuditField.Money("CreditScore.Limit")),
            ],
            Hidden = new HashSet<string> { "SetId" },
        },
        new("CreditModality", "Audit.Type.CreditModality")
        {
            Subject = new(RecordKind.CreditModality, NameField: "Name"),
            Fields = [("Name", AuditField.Text("CreditModality.Name")), ("IsActive", Active)],
            SpecialAction = (values, action) => ActivationOf(values, action),
        },
        new("CreditDecision", "Audit.Type.CreditDecision")
        {
            Subject = new(RecordKind.Customer, IdField: "CustomerId"),
            Fields =
            [
                ("CustomerId", AuditField.Ref("Purchases.Customer", RecordKind.Customer)), ("CardId", AuditField.Ref("Customer.CardNumber", RecordKind.Card)),
                ("Mode", AuditField.Enum<CreditAnalysisMode>("CreditAnalysis.Mode", "CreditAnalysisMode.")),
                ("Outcome", AuditField.Enum<CreditOutcome>("CreditAnalysis.Outcome", "CreditOutcome.")),
                ("Score", AuditField.Number("CreditAnalysis.Score")), ("ScoreSetId", AuditField.Ref("CreditAnalysis.ScoreSet", RecordKind.CreditScoreSet)),
                ("Limit", AuditField.Money("CreditAnalysis.Limit")),
                ("Reasons", AuditField.Flags<CreditRejection>("CreditAnalysis.Reasons", "CreditRejection.")),
                ("Observation", AuditField.Text("CreditAnalysis.Observation")),
                ("AnalystId", AuditField.Ref("CreditAnalysis.Analyst", RecordKind.User, empty: "Statement.System")),
                ("DecidedAt", AuditField.Instant("CreditAnalysis.DecidedAt")),
            ],
            // The analyst's name repeats the user above; the run id only lets a rerun of "Analisar todos" find its work.
            Hidden = new HashSet<string> { "AnalystName", "RunId" },
            SpecialAction = (values, action) => action == AuditAction.Created && values.After.TryGetValue("Outcome", out var outcome)
                ? outcome.ToString() is "1" or "Approved" ? "Audit.Action.Approved" : "Audit.Action.Rejected"
                : null,
        },
        new("CreditDecisionShare", "Audit.Type.CreditDecisionShare")
        {
            Subject = new(RecordKind.CreditDecision, IdField: "DecisionId"),
            Fields =
            [
                ("ModalityName", AuditField.Text("CreditModality.Name")), ("Percent", AuditField.Percent("CreditAnalysis.Percent")),
                ("Amount", AuditField.Money("CreditAnalysis.Amount")),
            ],
            Hidden = new HashSet<string> { "DecisionId", "ModalityId" },
        },
    ];

    /// <summary>The customer's credit data as the customer form labels it.</summary>
    private static IEnumerable<(string, AuditField)> CreditProfileFields() =>
    [
        ("Credit.MaritalStatus", AuditField.Enum<MaritalStatus>("CreditProfile.MaritalStatus", "MaritalStatus.")),
        ("Credit.ResidenceType", AuditField.Enum<ResidenceType>("CreditProfile.ResidenceType", "ResidenceType.")),
        ("Credit.ProvenIncome", AuditField.YesNo("CreditProfile.ProvenIncome")),
        ("Credit.Occupation", AuditField.Enum<Occupation>("CreditProfile.Occupation", "Occupation.")),
        ("Credit.OccupationDescription", AuditField.Text("CreditProfile.OccupationDescription")),
        ("Credit.MonthlyIncome", AuditField.Money("CreditProfile.MonthlyIncome")),
        ("Credit.AdditionalIncome", AuditField.Money("CreditProfile.AdditionalIncome")),
        ("Credit.MonthsAtEmployer", AuditField.Number("CreditProfile.MonthsAtEmployer")),
        ("Credit.MonthsAtResidence", AuditField.Number("CreditProfile.MonthsAtResidence")),
    ];
}
