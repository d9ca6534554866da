using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Credit;

/// <summary>
/// One customer's analysis page: the customer's credit data, the score with each attribute's option and points, the
/// band and suggested limit, the analyst's authority for the manual mode, the modality split and the earlier decisions.
/// </summary>
public static class CustomerAnalysis
{
    public sealed class Command
    {
        [Display(Name = "CreditAnalysis.Mode")]
        public CreditAnalysisMode Mode { get; set; } = CreditAnalysisMode.Score;

        [Display(Name = "CreditAnalysis.ManualLimit")]
        public decimal? ManualLimit { get; set; }

        public List<ShareInput> Shares { get; set; } = [];

        [Display(Name = "CreditAnalysis.Observation")]
        [DataType(DataType.MultilineText)]
        public string? Observation { get; set; }
    }

    public sealed class ShareInput
    {
        public Guid ModalityId { get; set; }
        public decimal? Percent { get; set; }
    }

    public sealed record Applicant(Guid Id, string Name, string Document, DateOnly? BirthDate, CreditProfile Profile);

    public sealed record CardInfo(Guid Id, string Number, CardStatus Status);

    public sealed record Modality(Guid Id, string Name);

    public sealed record PastDecision(DateTimeOffset At, string Analyst, CreditAnalysisMode Mode, CreditOutcome Outcome, int? Score,
        decimal Limit, CreditRejection Reasons, string? Observation);

    public sealed record Screen(Applicant Customer, CardInfo? Card, DateOnly Day, CreditScoreSet? Set, ScoreResult? Score,
        decimal? Authority, List<Modality> Modalities, List<PastDecision> Decisions, Command Command)
    {
        public bool CanDecide => Card is { Status: CardStatus.Registered or CardStatus.CreditNotApproved };
    }

    public sealed class Handler(LoyaltyDbContext db, CreditScoring scoring, CardNumberDisplay cards)
    {
        /// <returns>Null when the customer does not exist in the tenant.</returns>
        public async Task<Screen?> ScreenAsync(Guid customerId, Guid? analystId, Command? command, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
            if (customer is null)
            {
                return null;
            }
            var card = await AnalysableCardAsync(customerId, cancellationToken);
            var day = await scoring.TodayAsync(cancellationToken);
            var set = await scoring.SetInForceAsync(day, cancellationToken);
            var modalities = await db.CreditModalities.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Name)
                .Select(m => new Modality(m.Id, m.Name)).ToListAsync(cancellationToken);
            var authority = analystId is { } id
                ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.ApprovalAuthority).SingleOrDefaultAsync(cancellationToken)
                : null;
            var decisions = await db.CreditDecisions.AsNoTracking().Where(d => d.CustomerId == customerId).OrderByDescending(d => d.DecidedAt)
                .Select(d => new PastDecision(d.DecidedAt, d.AnalystName, d.Mode, d.Outcome, d.Score, d.Limit, d.Reasons, d.Observation))
                .ToListAsync(cancellationToken);
            command ??= new Command();
            // One row per active modality, keeping what was typed; a single modality takes the whole limit by default.
            command.Shares = [.. modalities.Select(m => new ShareInput
            {
                ModalityId = m.Id,
                Percent = command.Shares.FirstOrDefault(s => s.ModalityId == m.Id)?.Percent ?? (modalities.Count == 1 ? 100m : null),
            })];
            return new Screen(
                new Applicant(customer.Id, customer.Name, CustomerDocument.Format(customer.PersonType, customer.Document), customer.BirthDate, customer.Credit),
                card is null ? null : new CardInfo(card.Id, cards.Show(card.Number), card.Status), day, set,
                CreditScoring.Score(set, customer.Credit, customer.BirthDate, day), authority, modalities, decisions, command);
        }

        /// <summary>The card the analysis decides on: the customer's card waiting in 06, else one rejected (08), else the
        /// latest card (shown, not decided).</summary>
        public Task<Card?> AnalysableCardAsync(Guid customerId, CancellationToken cancellationToken) =>
            db.Cards.AsNoTracking().Where(c => c.CustomerId == customerId)
                .OrderBy(c => c.Status == CardStatus.Registered ? 0 : c.Status == CardStatus.CreditNotApproved ? 1 : 2)
                .ThenByDescending(c => c.IssuedAt).FirstOrDefaultAsync(cancellationToken);
    }
}
