using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.CardMaintenance;

/// <summary>
/// "Manutenção de Senha" (seed 001): the first PIN of a card, a change (the current PIN required; three wrong tries lock
/// it) or, once locked, a new PIN set by the operator with the customer present, which unlocks it. The PINs typed are
/// never written back to the form, logged or kept anywhere but as the hash.
/// </summary>
public static class ChangePin
{
    public sealed class Command
    {
        [Display(Name = "CardPin.Current")]
        public string? CurrentPin { get; set; }

        [Display(Name = "CardPin.New")]
        public string? NewPin { get; set; }

        [Display(Name = "CardPin.Confirm")]
        public string? ConfirmPin { get; set; }
    }

    /// <summary>What the PIN form asks: nothing set yet, a change (current PIN needed) or a reset of a locked PIN.</summary>
    public enum Mode
    {
        First,
        Change,
        ResetLocked,
    }

    public static Mode ModeOf(CardPin? pin) => pin is null ? Mode.First : pin.IsLocked ? Mode.ResetLocked : Mode.Change;

    public sealed class Handler(LoyaltyDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        /// <returns>Null when the card does not exist in the tenant.</returns>
        public async Task<CommandResult<Mode>?> HandleAsync(Guid cardId, Command command, CancellationToken cancellationToken)
        {
            var card = await db.Cards.AsNoTracking().Where(c => c.Id == cardId).Select(c => new { c.Status }).SingleOrDefaultAsync(cancellationToken);
            if (card is null)
            {
                return null;
            }
            if (card.Status == CardStatus.Cancelled)
            {
                return Failure(nameof(Command.NewPin), l["CardPin.CardCancelled"]);
            }
            if (!CardPin.IsWellFormed(command.NewPin))
            {
                return Failure(nameof(Command.NewPin), l["CardPin.Invalid", CardPin.MinLength, CardPin.MaxLength]);
            }
            if (command.ConfirmPin != command.NewPin)
            {
                return Failure(nameof(Command.ConfirmPin), l["CardPin.ConfirmMismatch"]);
            }
            var now = clock.GetUtcNow();
            var pin = await db.CardPins.SingleOrDefaultAsync(p => p.CardId == cardId, cancellationToken);
            var mode = ModeOf(pin);
            switch (mode)
            {
                case Mode.First:
                    db.CardPins.Add(CardPin.Create(cardId, command.NewPin!, now));
                    break;
                case Mode.ResetLocked:
                    pin!.Reset(command.NewPin!, now);
                    break;
                default:
                    if (string.IsNullOrEmpty(command.CurrentPin))
                    {
                        return Failure(nameof(Command.CurrentPin), l["CardPin.CurrentRequired"]);
                    }
                    if (!pin!.Change(command.CurrentPin, command.NewPin!, now))
                    {
                        // The wrong try is saved before answering, so it counts even if the operator walks away.
                        await SaveAsync(cancellationToken);
                        return pin.IsLocked
                            ? Failure(nameof(Command.CurrentPin), l["CardPin.LockedNow", CardPin.MaxWrongTries])
                            : Failure(nameof(Command.CurrentPin), l["CardPin.CurrentWrong", CardPin.MaxWrongTries - pin.WrongTries]);
                    }
                    break;
            }
            await SaveAsync(cancellationToken);
            return CommandResult<Mode>.Success(mode);
        }

        private async Task SaveAsync(CancellationToken cancellationToken)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another try on the same PIN landed first; its outcome stands and this one is refused, not lost.
                db.ChangeTracker.Clear();
                throw new Loyalty.Domain.Common.DomainException("CardPin.TryAgain");
            }
        }

        private static CommandResult<Mode> Failure(string field, string message) => CommandResult<Mode>.Failure(field, message);
    }
}
