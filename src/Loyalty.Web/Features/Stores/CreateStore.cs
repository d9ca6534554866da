using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Stores;

public static class CreateStore
{
    public sealed class Command
    {
        [Display(Name = "Store.Code")]
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
            RuleFor(c => c.Code).Must(Store.IsValidCode).WithMessage(_ => l["Store.CodeInvalid"]);
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => l["Validation.Required"])
                .MaximumLength(Store.NameMaxLength).WithMessage(_ => l["Validation.TooLong", Store.NameMaxLength]);
            RuleFor(c => c.ReceiptFormat).IsInEnum().WithMessage(_ => l["Store.ReceiptFormatInvalid"]);
        }
    }

    public sealed class Handler(LoyaltyDbContext db, IValidator<Command> validator, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<CommandResult<Guid>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            var store = Store.Create(command.Code, command.Name, clock.GetUtcNow());
            store.PrintReceiptsOn(command.ReceiptFormat);
            if (await db.Stores.AnyAsync(s => s.Code == store.Code, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(Command.Code), l["Store.CodeTaken"]);
            }
            db.Stores.Add(store);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Guid>.Success(store.Id);
        }
    }
}
