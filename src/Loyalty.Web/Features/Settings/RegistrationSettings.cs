using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Settings;

/// <summary>
/// Registration settings (seed 001 "Cadastro de Campos Obrigatórios"): which optional fields are required, the minimum
/// age of a PF titular and the card numbering. Changing the card rule does not touch cards already issued.
/// </summary>
public static class RegistrationSettings
{
    public sealed class Command
    {
        public List<MandatoryFields> Mandatory { get; set; } = [];

        [Display(Name = "Settings.MinimumTitularAge")]
        public int MinimumTitularAge { get; set; }

        [Display(Name = "Settings.CardPrefix")]
        public string? CardPrefix { get; set; }

        [Display(Name = "Settings.CardLength")]
        public int CardLength { get; set; }

        public static IReadOnlyList<MandatoryFields> Optional { get; } =
            [.. Enum.GetValues<MandatoryFields>().Where(f => f != MandatoryFields.None)];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.MinimumTitularAge).InclusiveBetween(0, 120).WithMessage(_ => l["Settings.MinimumAgeInvalid"]);
            RuleFor(c => c.CardLength).InclusiveBetween(CardNumberRule.MinLength, CardNumberRule.MaxLength)
                .WithMessage(_ => l["Card.RuleLengthInvalid"]);
            RuleFor(c => c.CardPrefix).Must((c, p) => (p ?? string.Empty).All(char.IsAsciiDigit)
                    && (p ?? string.Empty).Length <= CardNumberRule.MaxPrefixLength && (p ?? string.Empty).Length <= c.CardLength - 2)
                .WithMessage(_ => l["Card.RulePrefixInvalid"]);
        }
    }

    public sealed class Handler(LoyaltyDbContext db, IValidator<Command> validator)
    {
        public async Task<Command> LoadAsync(CancellationToken cancellationToken)
        {
            var s = await db.ProgramSettings.AsNoTracking().SingleAsync(cancellationToken);
            return new Command
            {
                Mandatory = [.. Command.Optional.Where(s.Requires)],
                MinimumTitularAge = s.MinimumTitularAge,
                CardPrefix = s.CardPrefix,
                CardLength = s.CardLength,
            };
        }

        public async Task<CommandResult<bool>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<bool>.Failure(validation.ToFieldErrors());
            }
            var settings = await db.ProgramSettings.SingleAsync(cancellationToken);
            var fields = command.Mandatory.Aggregate(MandatoryFields.None, (all, f) => all | f);
            settings.ChangeMandatoryFields(fields, command.MinimumTitularAge);
            settings.ChangeCardRule(command.CardPrefix ?? string.Empty, command.CardLength);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<bool>.Success(true);
        }
    }
}
