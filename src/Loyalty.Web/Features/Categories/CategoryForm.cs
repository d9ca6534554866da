using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Categories;
using Loyalty.Web.Features.Settings;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Categories;

/// <summary>Every field of a customer category (SPEC §2, seed 000 "cadastrar nova categoria").</summary>
public sealed class CategoryForm
{
    public Guid Id { get; set; }
    public bool IsDefault { get; set; }

    [Display(Name = "Category.Name")]
    public string? Name { get; set; }

    [Display(Name = "Category.Description")]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [Display(Name = "Category.Multiplier")]
    public decimal Multiplier { get; set; } = 1m;

    [Display(Name = "Category.ValidityDays")]
    public int? ValidityDays { get; set; } = 365;

    [Display(Name = "Category.AuditParameter")]
    public AuditParameter AuditParameter { get; set; } = AuditParameter.UseTenantRules;

    public AntifraudRulesForm Rules { get; set; } = new();

    public static CategoryForm From(CustomerCategory c) => new()
    {
        Id = c.Id,
        IsDefault = c.IsDefault,
        Name = c.Name,
        Description = c.Description,
        Multiplier = c.Multiplier,
        ValidityDays = c.ValidityDays,
        AuditParameter = c.AuditParameter,
        Rules = AntifraudRulesForm.From(c.CustomRules),
    };
}

public sealed class CategoryFormValidator : AbstractValidator<CategoryForm>
{
    public CategoryFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage(_ => l["Category.NameRequired"])
            .MaximumLength(CustomerCategory.NameMaxLength).WithMessage(_ => l["Validation.TooLong", CustomerCategory.NameMaxLength]);
        RuleFor(c => c.Description).MaximumLength(CustomerCategory.DescriptionMaxLength)
            .WithMessage(_ => l["Validation.TooLong", CustomerCategory.DescriptionMaxLength]);
        RuleFor(c => c.Multiplier).Must(CustomerCategory.IsValidMultiplier).WithMessage(_ => l["Category.MultiplierInvalid"]);
        RuleFor(c => c.ValidityDays).InclusiveBetween(CustomerCategory.MinValidityDays, CustomerCategory.MaxValidityDays)
            .When(c => c.ValidityDays is not null).WithMessage(_ => l["Category.ValidityInvalid"]);
        RuleFor(c => c.AuditParameter).IsInEnum().WithMessage(_ => l["Category.AuditParameterInvalid"]);
        RuleFor(c => c.Rules).SetValidator(new AntifraudRulesFormValidator(l)).When(c => c.AuditParameter == AuditParameter.CustomRules);
    }
}
