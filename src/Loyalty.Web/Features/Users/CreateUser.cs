using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Staff;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Users;

public static class CreateUser
{
    public sealed class Command : UserForm
    {
        [Display(Name = "User.Password")]
        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            Include(new UserFormValidator(l));
            RuleFor(c => c.Password).NotEmpty().WithMessage(_ => l["Validation.Required"]);
        }
    }

    public sealed class Handler(
        LoyaltyDbContext db,
        UserManager<StaffUser> users,
        IValidator<Command> validator,
        UserStores stores,
        TimeProvider clock)
    {
        public async Task<CommandResult<Guid>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            if (await stores.CheckAsync(command, cancellationToken) is { } storeError)
            {
                return CommandResult<Guid>.Failure([storeError]);
            }
            var tenantId = db.Tenant.RequiredTenantId;
            var tenantCode = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Code).SingleAsync(cancellationToken);
            var user = new StaffUser
            {
                TenantId = tenantId,
                UserName = StaffUser.LoginName(tenantCode, command.Email),
                Email = command.Email.Trim(),
                FullName = command.FullName.Trim(),
                Role = command.Role,
                Culture = command.Culture,
                ApprovalAuthority = command.ApprovalAuthority,
                CreatedAt = clock.GetUtcNow(),
                Stores = UserStores.For(command),
            };
            var created = await users.CreateAsync(user, command.Password);
            return created.Succeeded
                ? CommandResult<Guid>.Success(user.Id)
                : CommandResult<Guid>.Failure([.. created.Errors.Select(e => new FieldError(
                    LocalizedIdentityErrors.FieldOf(e, nameof(Command.Password), nameof(Command.Email)), e.Description))]);
        }
    }
}
