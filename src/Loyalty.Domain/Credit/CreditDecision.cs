using Loyalty.Domain.Common;

namespace Loyalty.Domain.Credit;

public enum CreditAnalysisMode
{
    Score = 1,
    Manual = 2,
}

public enum CreditOutcome
{
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// One credit analysis of a customer's card (seed 001 "Análise de Crédito"): the mode, the score and the set it came
/// from, the limit and its split among modalities, or the reasons of a rejection; who decided and when. A customer
/// re-analysed from the rejected list gets a new decision; the earlier ones stay as history.
/// </summary>
public class CreditDecision : ITenantOwned, IAudited
{
    public const int ObservationMaxLength = 500;

    private readonly List<CreditDecisionShare> shares = [];

    private CreditDecision()
    {
        AnalystName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid CardId { get; private set; }
    public CreditAnalysisMode Mode { get; private set; }
    public CreditOutcome Outcome { get; private set; }
    public int? Score { get; private set; }
    public Guid? ScoreSetId { get; private set; }
    public decimal Limit { get; private set; }
    public CreditRejection Reasons { get; private set; }
    public string? Observation { get; private set; }
    public Guid? AnalystId { get; private set; }
    public string AnalystName { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>Set when the decision came from "Analisar todos": the job's run, so a rerun finds what it decided.</summary>
    public Guid? RunId { get; private set; }

    public IReadOnlyCollection<CreditDecisionShare> Shares => shares;

    public static CreditDecision Approve(CreditAnalyst analyst, Guid customerId, Guid cardId, CreditAnalysisMode mode, ScoreResult? score,
        Guid? scoreSetId, decimal limit, IReadOnlyList<ModalityPercent> split, string? observation, Guid? runId = null)
    {
        if (limit <= 0 || decimal.Round(limit, 2) != limit)
        {
            throw new DomainException("Credit.LimitInvalid");
        }
        // The approval authority (alçada) bounds what a person grants by hand; a score's limit comes from the tenant's
        // own parameters and is not the analyst's to exceed.
        if (mode == CreditAnalysisMode.Manual && limit > analyst.Authority)
        {
            throw new DomainException("Credit.AboveAuthority") { Arguments = [analyst.Authority] };
        }
        if (ModalitySplit.Problem(split) is { } problem)
        {
            throw new DomainException(problem);
        }
        var decision = New(analyst, customerId, cardId, mode, score, scoreSetId, CreditOutcome.Approved, observation, runId);
        decision.Limit = limit;
        var amounts = ModalitySplit.Amounts(limit, split);
        decision.shares.AddRange(split.Select((s, i) => CreditDecisionShare.Of(decision.Id, s, amounts[i])));
        return decision;
    }

    public static CreditDecision Reject(CreditAnalyst analyst, Guid customerId, Guid cardId, CreditAnalysisMode mode, ScoreResult? score,
        Guid? scoreSetId, CreditRejection reasons, string? observation, Guid? runId = null)
    {
        var decision = New(analyst, customerId, cardId, mode, score, scoreSetId, CreditOutcome.Rejected, observation, runId);
        decision.Reasons = reasons == CreditRejection.None ? CreditRejection.AnalystDecision : reasons;
        return decision;
    }

    private static CreditDecision New(CreditAnalyst analyst, Guid customerId, Guid cardId, CreditAnalysisMode mode, ScoreResult? score,
        Guid? scoreSetId, CreditOutcome outcome, string? observation, Guid? runId)
    {
        var text = string.IsNullOrWhiteSpace(observation) ? null : observation.Trim();
        if (text is { Length: > ObservationMaxLength } || !PlainText.IsClean(text, multiline: true))
        {
            throw new DomainException("Credit.ObservationInvalid");
        }
        return new CreditDecision
        {
            Id = Guid.CreateVersion7(analyst.At), CustomerId = customerId, CardId = cardId, Mode = mode, Outcome = outcome,
            Score = score?.Total, ScoreSetId = scoreSetId, Observation = text, AnalystId = analyst.UserId, AnalystName = analyst.Name,
            DecidedAt = analyst.At, RunId = runId,
        };
    }
}

/// <summary>One modality's share of an approved limit, with the modality's name as it was on the day.</summary>
public class CreditDecisionShare : ITenantOwned, IAudited
{
    private CreditDecisionShare()
    {
        ModalityName = string.Empty;
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid ModalityId { get; private set; }
    public string ModalityName { get; private set; }
    public decimal Percent { get; private set; }
    public decimal Amount { get; private set; }

    internal static CreditDecisionShare Of(Guid decisionId, ModalityPercent share, decimal amount) => new()
    {
        DecisionId = decisionId, ModalityId = share.ModalityId, ModalityName = share.ModalityName, Percent = share.Percent, Amount = amount,
    };
}

/// <summary>Who decides: the user (null for none), their name, their approval authority (alçada) and the moment.</summary>
public sealed record CreditAnalyst(Guid? UserId, string Name, decimal Authority, DateTimeOffset At);
