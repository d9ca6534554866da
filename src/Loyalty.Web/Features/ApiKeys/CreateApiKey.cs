using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Integration;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.ApiKeys;

/// <summary>Issues a tenant key (integrations) or a store key (the store's POS). The secret is returned once.</summary>
public static class CreateApiKey
{
    public sealed class Command
    {
        [Display(Name = "ApiKey.Name")]
        public string Name { get; set; } = string.Empty;

        /// <summary>Empty for a tenant key.</summary>
        [Display(Name = "ApiKey.Store")]
        public Guid? StoreId { get; set; }
    }

    public sealed record Issued(Guid Id, string Secret);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => l["Validation.Required"])
                .MaximumLength(ApiKey.NameMaxLength).WithMessage(_ => l["Validation.TooLong", ApiKey.NameMaxLength]);
    }

    public sealed class Handler(LoyaltyDbContext db, IValidator<Command> validator, TimeProvider clock, IStringLocalizer<SharedResource> l)
    {
        public async Task<CommandResult<Issued>> HandleAsync(Command command, Guid? createdBy, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Issued>.Failure(validation.ToFieldErrors());
            }
            if (command.StoreId is { } storeId && !await db.Stores.AnyAsync(s => s.Id == storeId && s.IsActive, cancellationToken))
            {
                return CommandResult<Issued>.Failure(nameof(Command.StoreId), l["User.StoreUnknown"]);
            }
            var (key, secret) = ApiKey.Issue(command.Name, command.StoreId, createdBy, clock.GetUtcNow());
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult<Issued>.Success(new Issued(key.Id, secret));
        }
    }
}
