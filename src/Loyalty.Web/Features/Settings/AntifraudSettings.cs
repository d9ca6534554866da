using FluentValidation;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Features.Settings;

/// <summary>The tenant's default antifraud rule set ("regras padrões de antifraude"), used by categories whose audit
/// parameter is UseTenantRules. A new tenant starts with no rule.</summary>
public static class AntifraudSettings
{
    public sealed class Command
    {
        public AntifraudRulesForm Rules { get; set; } = new();
    }

    public sealed class Handler(LoyaltyDbContext db, IValidator<AntifraudRulesForm> validator)
    {
        public async Task<Command> LoadAsync(CancellationToken cancellationToken)
        {
            var settings = await db.ProgramSettings.AsNoTracking().SingleAsync(cancellationToken);
            return new Command { Rules = AntifraudRulesForm.From(settings.DefaultRules) };
        }

        public async Task<CommandResult<bool>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(command.Rules, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<bool>.Failure([.. validation.ToFieldErrors().Select(e => e with { Field = $"{nameof(Command.Rules)}.{e.Field}" })]);
            }
            var settings = await db.ProgramSettings.SingleAsync(cancellationToken);
            settings.ChangeDefaultRules(command.Rules.ToRules());
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<bool>.Success(true);
        }
    }
}
