using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Stores;

/// <summary>The name and the receipt format can change; the code cannot, because files and POS integrations carry it.</summary>
public static class EditStore
{
    public sealed class Command
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Store.Name")]
        public string Name { get; set; } = string.Empty;

        /// <summary>"Formato do comprovante": the counter's receipts print on A4 or on the 80 mm roll.</summary>
        [Display(Name = "Store.ReceiptFormat")]
        public ReceiptFormat ReceiptFormat { get; set; } = ReceiptFormat.A4;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => l["Validation.Required"])
                .MaximumLength(Store.NameMaxLength).WithMessage(_ => l["Validation.TooLong", Store.NameMaxLength]);
            RuleFor(c => c.ReceiptFormat).IsInEnum().WithMessage(_ => l["Store.ReceiptFormatInvalid"]);
        }
    }

    public sealed class Handler(LoyaltyDbContext db, IValidator<Command> validator)
    {
        public Task<Command?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
            db.Stores.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new Command { Id = s.Id, Code = s.Code, Name = s.Name, ReceiptFormat = s.ReceiptFormat })
                .SingleOrDefaultAsync(cancellationToken);

        /// <returns>Null when the store is not found in the tenant.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var store = await db.Stores.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken);
            if (store is null)
            {
                return null;
            }
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            store.Rename(command.Name);
            store.PrintReceiptsOn(command.ReceiptFormat);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Guid>.Success(store.Id);
        }

        public async Task<bool> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
        {
            var store = await db.Stores.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (store is null)
            {
                return false;
            }
            if (active)
            {
                store.Reactivate();
            }
            else
            {
                store.Deactivate();
            }
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
