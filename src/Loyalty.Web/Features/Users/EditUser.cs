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

/// <summary>
/// Change a user's name, role, stores, language and status, optionally set a new password. Deactivating a user or
/// changing their access renews their security stamp, which ends their open sessions within a minute.
/// </summary>
public static class EditUser
{
    public sealed class Command : UserForm
    {
        public Guid Id { get; set; }

        [Display(Name = "User.IsActive")]
        public bool IsActive { get; set; } = true;

        [Display(Name = "User.NewPassword")]
        public string? NewPassword { get; set; }

        /// <summary>The client addresses refused at the moment ("*": every address); shown with the unlock button.</summary>
        public List<string> LockedAddresses { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> l) => Include(new UserFormValidator(l));
    }

    public sealed class Handler(
        LoyaltyDbContext db,
        UserManager<StaffUser> users,
        IValidator<Command> validator,
        UserStores stores,
        SignInLockout lockout,
        IStringLocalizer<SharedResource> l)
    {
        public async Task<Command?> LoadAsync(Guid id, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Stores).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            return user is null ? null : new Command
            {
                Id = user.Id,
                FullName = user.FullName,
                Email = user.Email ?? string.Empty,
                Role = user.Role,
                StoreIds = [.. user.Stores.Select(s => s.StoreId)],
                Culture = user.Culture,
                ApprovalAuthority = user.ApprovalAuthority,
                IsActive = user.IsActive,
                LockedAddresses = await lockout.LockedAddressesAsync(user.Id, cancellationToken),
            };
        }

        /// <returns>Null when no such user exists in the tenant.</returns>
        public async Task<CommandResult<Guid>?> HandleAsync(Command command, Guid currentUserId, CancellationToken cancellationToken)
        {
            var user = await db.Users.Include(u => u.Stores).SingleOrDefaultAsync(u => u.Id == command.Id, cancellationToken);
            if (user is null)
            {
                return null;
            }
            var validation = await validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return CommandResult<Guid>.Failure(validation.ToFieldErrors());
            }
            if (await stores.CheckAsync(command, cancellationToken) is { } storeError)
            {
                return CommandResult<Guid>.Failure([storeError]);
            }
            // An admin cannot take away their own access: the tenant would risk having no administrator left.
            if (user.Id == currentUserId && (!command.IsActive || command.Role != StaffRole.TenantAdmin))
            {
                return CommandResult<Guid>.Failure(nameof(Command.Role), l["User.CannotDemoteSelf"]);
            }
            var accessChanged = user.Role != command.Role || user.IsActive != command.IsActive
                || !user.Stores.Select(s => s.StoreId).Order().SequenceEqual(command.StoreIds.Distinct().Order());
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var tenantCode = await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.Code).SingleAsync(cancellationToken);
            user.FullName = command.FullName.Trim();
            user.Email = command.Email.Trim();
            user.UserName = StaffUser.LoginName(tenantCode, command.Email);
            user.Role = command.Role;
            user.Culture = command.Culture;
            user.ApprovalAuthority = command.ApprovalAuthority;
            user.IsActive = command.IsActive;
            user.Stores.Clear();
            user.Stores.AddRange(UserStores.For(command));
            var updated = await users.UpdateAsync(user);
            if (updated.Succeeded && !string.IsNullOrEmpty(command.NewPassword))
            {
                await users.RemovePasswordAsync(user);
                updated = await users.AddPasswordAsync(user, command.NewPassword);
            }
            if (updated.Succeeded && accessChanged)
            {
                updated = await users.UpdateSecurityStampAsync(user);
            }
            if (!updated.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return CommandResult<Guid>.Failure([.. updated.Errors.Select(e => new FieldError(
                    LocalizedIdentityErrors.FieldOf(e, nameof(Command.NewPassword), nameof(Command.Email)), e.Description))]);
            }
            await transaction.CommitAsync(cancellationToken);
            return CommandResult<Guid>.Success(user.Id);
        }
    }
}
