using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Categories;
using Loyalty.Domain.Staff;
using Loyalty.Domain.Tenancy;
using Loyalty.Web.Features.DailyClose;
using Loyalty.Web.Features.Shared;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Jobs;
using Loyalty.Web.Infrastructure.Localization;
using Loyalty.Web.Infrastructure.Persistence;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Tenants;

/// <summary>PlatformAdmin (or `./loyalty tenant create`) creates a tenant together with its first TenantAdmin.</summary>
public static class CreateTenant
{
    public sealed class Command
    {
        [Display(Name = "Tenant.Code")]
        public string Code { get; set; } = string.Empty;

        [Display(Name = "Tenant.Name")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Tenant.TimeZone")]
        public string TimeZoneId { get; set; } = Tenant.DefaultTimeZone;

        [Display(Name = "Tenant.AdminName")]
        public string AdminName { get; set; } = string.Empty;

        [Display(Name = "Tenant.AdminEmail")]
        public string AdminEmail { get; set; } = string.Empty;

        [Display(Name = "Tenant.AdminPassword")]
        public string AdminPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(c => c.Code).Must(c => TenantCode.IsValid(TenantCode.Normalize(c))).WithMessage(_ => l["Tenant.CodeInvalid"]);
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => l["Validation.Required"])
                .MaximumLength(Tenant.NameMaxLength).WithMessage(_ => l["Validation.TooLong", Tenant.NameMaxLength]);
            RuleFor(c => c.TimeZoneId).Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z ?? string.Empty, out _))
                .WithMessage(_ => l["Tenant.TimeZoneInvalid"]);
            RuleFor(c => c.AdminName).NotEmpty().WithMessage(_ => l["Validation.Required"])
                .MaximumLength(StaffUser.FullNameMaxLength).WithMessage(_ => l["Validation.TooLong", StaffUser.FullNameMaxLength]);
            RuleFor(c => c.AdminEmail).NotEmpty().WithMessage(_ => l["Validation.Required"])
                .ValidEmail().WithMessage(_ => l["Identity.InvalidEmail"]);
            RuleFor(c => c.AdminPassword).NotEmpty().WithMessage(_ => l["Validation.Required"]);
        }
    }

    public sealed class Handler(
        IValidator<Command> validator,
        TenantScopes scopes,
        DailyCloseScheduler scheduler,
        TimeProvider clock,
        IStringLocalizer<SharedResource> l)
    {
        public async Task<CommandResult<Guid>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            var now = clock.GetUtcNow();
            var tenant = Tenant.Create(command.Code, command.Name, command.TimeZoneId, now);

            await using var scope = scopes.For(tenant.Id);
            var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            if (await db.Tenants.AnyAsync(t => t.Code == tenant.Code, cancellationToken))
            {
                return CommandResult<Guid>.Failure(nameof(Command.Code), l["Tenant.CodeTaken"]);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Tenants.Add(tenant);
            // Every tenant starts with its program settings and the default category "Padrão" (SPEC §2–3).
            db.ProgramSettings.Add(ProgramSettings.ForNewTenant());
            db.CustomerCategories.Add(CustomerCategory.CreateDefault(now));
            db.CardReasons.AddRange(Loyalty.Domain.Cards.CardReason.Defaults(now));
            await db.SaveChangesAsync(cancellationToken);

            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var admin = new StaffUser
            {
                TenantId = tenant.Id,
                UserName = StaffUser.LoginName(tenant.Code, command.AdminEmail),
                Email = command.AdminEmail.Trim(),
                FullName = command.AdminName.Trim(),
                Role = StaffRole.TenantAdmin,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(admin, command.AdminPassword);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return CommandResult<Guid>.Failure([.. created.Errors.Select(e => new FieldError(
                    LocalizedIdentityErrors.FieldOf(e, nameof(Command.AdminPassword), nameof(Command.AdminEmail)), e.Description))]);
            }
            await transaction.CommitAsync(cancellationToken);
            scheduler.Schedule(tenant);
            return CommandResult<Guid>.Success(tenant.Id);
        }
    }
}
