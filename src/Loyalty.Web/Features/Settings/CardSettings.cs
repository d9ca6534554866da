using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Cards;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Settings;

/// <summary>
/// The tenant's card flow and card validity (SPEC §8). The flow decides the status a new titular's card starts in; cards
/// already issued keep theirs, and the validity counts for cards issued from now on.
/// </summary>
public static class CardSettings
{
    public sealed class Command
    {
        [Display(Name = "Settings.CardFlow")]
        public CardFlow? CardFlow { get; set; }

        [Display(Name = "Settings.CardValidityMonths")]
        public int? CardValidityMonths { get; set; }
    }

    public sealed class Handler(LoyaltyDbContext db, IStringLocalizer<SharedResource> l)
    {
        public async Task<Command> LoadAsync(CancellationToken cancellationToken) =>
            await db.ProgramSettings.AsNoTracking()
                .Select(s => new Command { CardFlow = s.CardFlow, CardValidityMonths = s.CardValidityMonths })
                .SingleAsync(cancellationToken);

        public async Task<CommandResult<bool>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.CardFlow is not { } flow || !Enum.IsDefined(flow))
            {
                return CommandResult<bool>.Failure(nameof(Command.CardFlow), l["Settings.CardFlowInvalid"]);
            }
            if (command.CardValidityMonths is not { } months || months is < 1 or > Card.MaxValidityMonths)
            {
                return CommandResult<bool>.Failure(nameof(Command.CardValidityMonths), l["Card.ValidityInvalid"]);
            }
            var settings = await db.ProgramSettings.SingleAsync(cancellationToken);
            settings.ChangeCardFlow(flow, months);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<bool>.Success(true);
        }
    }
}
