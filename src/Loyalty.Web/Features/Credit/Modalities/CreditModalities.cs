using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Credit;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Loyalty.Web.Features.Credit.Modalities;

/// <summary>
/// The tenant's credit modalities ("Compras à vista", "Parcelado", "Saque"): the analysis splits a limit among the active
/// ones. A modality is never deleted — decisions keep its name — only renamed or deactivated.
/// </summary>
public static class CreditModalities
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        [Display(Name = "CreditModality.Name")]
        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => l["Credit.ModalityNameRequired"])
                .MaximumLength(CreditModality.NameMaxLength).WithMessage(_ => l["Validation.TooLong", CreditModality.NameMaxLength]);
    }

    public sealed record Row(Guid Id, string Name, bool IsActive);

    public sealed record Screen(List<Row> Rows, Command Command);

    public sealed class Handler(LoyaltyDbContext db, IValidator<Command> validator, IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        public async Task<Screen> ScreenAsync(Command? command, CancellationToken cancellationToken) => new(
            await db.CreditModalities.AsNoTracking().OrderByDescending(m => m.IsActive).ThenBy(m => m.Name)
                .Select(m => new Row(m.Id, m.Name, m.IsActive)).ToListAsync(cancellationToken),
            command ?? new Command());

        /// <summary>Adds a modality (no id) or renames one; null when the id is not one of the tenant's.</summary>
        public async Task<CommandResult<Guid>?> SaveAsync(Command command, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            var name = command.Name!.Trim();
            if (await db.CreditModalities.AnyAsync(m => m.Name == name && m.Id != command.Id, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(Command.Name), l["Credit.ModalityExists"]);
            }
            CreditModality modality;
            if (command.Id is { } id)
            {
                if (await db.CreditModalities.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } found)
                {
                    return null;
                }
                modality = found;
                modality.Rename(name);
            }
            else
            {
                modality = CreditModality.Create(name, clock.GetUtcNow());
                db.CreditModalities.Add(modality);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
                return CommandResult<Guid>.Failure(nameof(Command.Name), l["Credit.ModalityExists"]);
            }
            return CommandResult<Guid>.Success(modality.Id);
        }

        public async Task<bool> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
        {
            if (await db.CreditModalities.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } modality)
            {
                return false;
            }
            modality.SetActive(active);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
