using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Common;
using Loyalty.Web.Features.Cards;
using Loyalty.Web.Features.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.CardMaintenance;

/// <summary>
/// Temporary block, unblock, cancel and reissue from the card screen (SPEC §8 "Manutenção"), each with a reason from the
/// tenant's list for that operation and an observation. The card refuses an illegal move (e.g. unblocking an active
/// card) before anything changes; a legal one writes the status, the history row and the audit row in one save.
/// </summary>
public static class CardAction
{
    public sealed class Command
    {
        [Display(Name = "CardAction.Reason")]
        public Guid? ReasonId { get; set; }

        [Display(Name = "CardAction.Observation")]
        public string? Observation { get; set; }
    }

    public static CardEvent EventOf(CardOperations operation) => operation switch
    {
        CardOperations.Block => CardEvent.Blocked,
        CardOperations.Unblock => CardEvent.Unblocked,
        CardOperations.Cancel => CardEvent.Cancelled,
        CardOperations.Reissue => CardEvent.Reissued,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    public static string RouteOf(CardOperations operation) => operation switch
    {
        CardOperations.Block => "bloquear",
        CardOperations.Unblock => "desbloquear",
        CardOperations.Cancel => "cancelar",
        CardOperations.Reissue => "reemitir",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    public sealed class Handler(LoyaltyDbContext db, CardActor actor, CustomerRules rules, IStringLocalizer<SharedResource> l)
    {
        /// <returns>Null when the card does not exist in the tenant; on success, the card to show next (the new one after a reissue).</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(Guid cardId, CardOperations operation, Command command, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Two operators acting on the same card at once: the second waits and then sees the first one's status.
            var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM cards WHERE id = {cardId} FOR UPDATE").ToListAsync(cancellationToken);
            var card = locked.Count == 0 ? null : await db.Cards.SingleOrDefaultAsync(c => c.Id == cardId, cancellationToken);
            if (card is null)
            {
                return null;
            }
            if (!card.Allows(EventOf(operation)))
            {
                return Refused(card, operation);
            }
            var reason = command.ReasonId is { } reasonId
                ? await db.CardReasons.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reasonId, cancellationToken)
                : null;
            if (reason is null || !reason.AppliesTo(operation))
            {
                return CommandResult<Guid>.Failure(nameof(Command.ReasonId), l["CardAction.ReasonRequired"]);
            }
            if (command.Observation is { Length: > CardChange.ObservationMaxLength })
            {
                return CommandResult<Guid>.Failure(nameof(Command.Observation), l["Validation.TooLong", CardChange.ObservationMaxLength]);
            }
            var shown = card.Id;
            try
            {
                var change = actor.Change(reason.Id, reason.Description, command.Observation);
                switch (operation)
                {
                    case CardOperations.Block:
                        card.BlockTemporarily(change);
                        break;
                    case CardOperations.Unblock:
                        card.Unblock(change);
                        break;
                    case CardOperations.Cancel:
                        card.Cancel(change);
                        break;
                    default:
                        var settings = await rules.SettingsAsync(cancellationToken);
                        var replacement = card.Reissue(await NewCardNumber.TakeAsync(db, cancellationToken), generated: true,
                            await rules.TodayAsync(cancellationToken), settings.CardValidityMonths, change);
                        db.Cards.Add(replacement);
                        shown = replacement.Id;
                        break;
                }
            }
            catch (DomainException ex) when (ex.Code == "Card.ObservationInvalid")
            {
                return CommandResult<Guid>.Failure(nameof(Command.Observation), l[ex.Code]);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult<Guid>.Success(shown);
        }

        private CommandResult<Guid> Refused(Card card, CardOperations operation) => CommandResult<Guid>.Failure(string.Empty,
            operation == CardOperations.Reissue
                ? l["Card.AlreadyReissued"]
                : l["CardAction.Refused", l["CardOperation." + operation], l["CardStatus." + card.Status]]);
    }
}
