using Loyalty.Domain.Cards;
using Loyalty.Domain.Common;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Credit;

/// <summary>
/// Approve (card 06/08 → 07 with the limit split among modalities) or reject (→ 08 with the reasons) one customer, by
/// score or by hand. The decision and the card's new status are saved together, or neither.
/// </summary>
public static class DecideCredit
{
    public sealed class Handler(LoyaltyDbContext db, CreditScoring scoring, IStringLocalizer<SharedResource> l)
    {
        public async Task<CommandResult<CreditOutcome>?> ApproveAsync(Guid customerId, CustomerAnalysis.Command command, CreditAnalyst analyst,
            CardChange change, CancellationToken cancellationToken, Guid? runId = null)
        {
            var found = await LoadAsync(customerId, runId is null, cancellationToken);
            if (found is null)
            {
                return null;
            }
            var (customer, card) = found.Value;
            if (card is null)
            {
                return CommandResult<CreditOutcome>.Failure(nameof(command.Mode), l["Credit.NotPending"]);
            }
            var split = await SplitAsync(command, cancellationToken);
            if (split.Error is { } splitError)
            {
                return CommandResult<CreditOutcome>.Failure(nameof(command.Shares), splitError);
            }
            var day = await scoring.TodayAsync(cancellationToken);
            var set = await scoring.SetInForceAsync(day, cancellationToken);
            var score = CreditScoring.Score(set, customer.Credit, customer.BirthDate, day);
            decimal limit;
            if (command.Mode == CreditAnalysisMode.Manual)
            {
                if (command.ManualLimit is not { } typed || typed <= 0 || decimal.Round(typed, 2) != typed)
                {
                    return CommandResult<CreditOutcome>.Failure(nameof(command.ManualLimit), l["Credit.ManualLimitInvalid"]);
                }
                // Checked here too so the message sits next to the field; the decision refuses it again on its own.
                if (typed > analyst.Authority)
                {
                    return CommandResult<CreditOutcome>.Failure(nameof(command.ManualLimit),
                        l["Credit.AboveAuthority", DisplayFormat.Money(analyst.Authority)]);
                }
                limit = typed;
            }
            else if (score is null)
            {
                return CommandResult<CreditOutcome>.Failure(nameof(command.Mode), l["Credit.NoScoreSet"]);
            }
            else if (!score.Approved)
            {
                return CommandResult<CreditOutcome>.Failure(nameof(command.Mode), l["Credit.ScoreRejects"]);
            }
            else
            {
                limit = score.SuggestedLimit;
            }
            var decision = CreditDecision.Approve(analyst, customer.Id, card.Id, command.Mode, score, set?.Id, limit, split.Shares,
                command.Observation, runId);
            var known = card.History.Count;
            card.ApproveCredit(change);
            TrackHistory(card, known);
            db.CreditDecisions.Add(decision);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<CreditOutcome>.Success(CreditOutcome.Approved);
        }

        public async Task<CommandResult<CreditOutcome>?> RejectAsync(Guid customerId, CustomerAnalysis.Command command, CreditAnalyst analyst,
            CardChange change, CancellationToken cancellationToken, Guid? runId = null)
        {
            var found = await LoadAsync(customerId, runId is null, cancellationToken);
            if (found is null)
            {
                return null;
            }
            var (customer, card) = found.Value;
            if (card is null)
            {
                return CommandResult<CreditOutcome>.Failure(nameof(command.Mode), l["Credit.NotPending"]);
            }
            var day = await scoring.TodayAsync(cancellationToken);
            var set = await scoring.SetInForceAsync(day, cancellationToken);
            var score = CreditScoring.Score(set, customer.Credit, customer.BirthDate, day);
            // By score, the reasons are the score's (below minimum, costliest attributes); by hand, the analyst's decision.
            var reasons = command.Mode == CreditAnalysisMode.Score && score is not null && !score.Approved
                ? score.Reasons
                : CreditRejection.AnalystDecision;
            db.CreditDecisions.Add(CreditDecision.Reject(analyst, customer.Id, card.Id, command.Mode, score, set?.Id, reasons, command.Observation, runId));
            var known = card.History.Count;
            card.RejectCredit(change);
            TrackHistory(card, known);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<CreditOutcome>.Success(CreditOutcome.Rejected);
        }

        /// <summary>The history entry a transition appended has its id already (a client-made Guid): reached through the
        /// card's collection EF would take it for an existing row and update it, so it is marked as new.</summary>
        private void TrackHistory(Card card, int knownEntries)
        {
            foreach (var entry in card.History.Skip(knownEntries))
            {
                db.Entry(entry).State = EntityState.Added;
            }
        }

        /// <summary>The customer and their card to decide: 06 first, else the latest 08 for a re-analysis by hand.
        /// "Analisar todos" (<paramref name="allowReanalysis"/> false) decides 06 only, so a customer already decided
        /// when the job reaches them is skipped, never decided twice.</summary>
        private async Task<(Domain.Customers.Customer Customer, Card? Card)?> LoadAsync(Guid customerId, bool allowReanalysis,
            CancellationToken cancellationToken)
        {
            var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
            if (customer is null)
            {
                return null;
            }
            var card = await db.Cards.Where(c => c.CustomerId == customerId
                    && (c.Status == CardStatus.Registered || (allowReanalysis && c.Status == CardStatus.CreditNotApproved)))
                .OrderBy(c => c.Status == CardStatus.Registered ? 0 : 1).ThenByDescending(c => c.IssuedAt).FirstOrDefaultAsync(cancellationToken);
            return (customer, card);
        }

        private async Task<(IReadOnlyList<ModalityPercent> Shares, string? Error)> SplitAsync(CustomerAnalysis.Command command, CancellationToken cancellationToken)
        {
            var typed = command.Shares.Where(s => s.Percent is not null && s.Percent != 0).ToList();
            var ids = typed.Select(s => s.ModalityId).ToList();
            var names = await db.CreditModalities.AsNoTracking().Where(m => ids.Contains(m.Id) && m.IsActive)
                .ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
            if (typed.Any(s => !names.ContainsKey(s.ModalityId)))
            {
                return ([], l["Credit.ModalityUnknown"]);
            }
            var shares = typed.Select(s => new ModalityPercent(s.ModalityId, names[s.ModalityId], s.Percent!.Value)).ToList();
            return ModalitySplit.Problem(shares) is { } problem
                ? ([], l[problem, shares.Sum(s => s.Percent).ToString("0.##", System.Globalization.CultureInfo.CurrentCulture)])
                : (shares, null);
        }
    }
}
