using Loyalty.Web.Features.Shared;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Staff;
using Loyalty.Web.Infrastructure.Identity;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Users;

/// <summary>The fields a TenantAdmin fills for a user, shared by the create and edit use cases.</summary>
public class UserForm
{
    [Display(Name = "User.FullName")]
    public string FullName { get; set; } = string.Empty;

    [Display(Name = "User.Email")]
    public string Email { get; set; } = string.Empty;

    [Display(Name = "User.Role")]
    public StaffRole Role { get; set; } = StaffRole.Cashier;

    [Display(Name = "User.Stores")]
    public List<Guid> StoreIds { get; set; } = [];

    [Display(Name = "User.Language")]
    public string Culture { get; set; } = SupportedCultures.Default;

    /// <summary>Alçada (SPEC §8): the largest limit the user may grant in a manual credit analysis; blank grants none.</summary>
    [Display(Name = "User.ApprovalAuthority")]
    public decimal? ApprovalAuthority { get; set; }
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(u => u.FullName).NotEmpty().WithMessage(_ => l["Validation.Required"])
            .MaximumLength(StaffUser.FullNameMaxLength).WithMessage(_ => l["Validation.TooLong", StaffUser.FullNameMaxLength]);
        RuleFor(u => u.Email).NotEmpty().WithMessage(_ => l["Validation.Required"])
            .ValidEmail().WithMessage(_ => l["Identity.InvalidEmail"]);
        RuleFor(u => u.Role).Must(r => StaffRoles.TenantRoles.Contains(r)).WithMessage(_ => l["User.RoleInvalid"]);
        RuleFor(u => u.StoreIds).NotEmpty().When(u => u.Role.IsStoreScoped()).WithMessage(_ => l["User.StoresRequired"]);
        // A cashier works at one counter: one store.
        RuleFor(u => u.StoreIds).Must(s => s.Count <= 1).When(u => u.Role == StaffRole.Cashier)
            .WithMessage(_ => l["User.CashierOneStore"]);
        RuleFor(u => u.Culture).Must(SupportedCultures.IsSupported).WithMessage(_ => l["User.LanguageInvalid"]);
        RuleFor(u => u.ApprovalAuthority).Must(a => a is not { } v || (v >= 0 && v <= Domain.Credit.CreditProfile.MaxIncome && decimal.Round(v, 2) == v))
            .WithMessage(_ => l["User.ApprovalAuthorityInvalid"]);
    }
}
