using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Catalog;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Catalog;

/// <summary>A department or a section: a code (kept as the POS sends it, fixed once created) and a name.</summary>
public sealed class CatalogGroupForm
{
    public Guid Id { get; set; }

    /// <summary>Set for a section: the department it belongs to.</summary>
    public Guid? DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    [Display(Name = "Catalog.Code")]
    public string? Code { get; set; }

    [Display(Name = "Catalog.Name")]
    public string? Name { get; set; }

    public bool IsSection => DepartmentId is not null;
    public bool IsNew => Id == Guid.Empty;
}

public sealed class CatalogGroupFormValidator : AbstractValidator<CatalogGroupForm>
{
    public CatalogGroupFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Code).Must(c => CatalogCode.IsValid(c, Department.CodeMaxLength)).When(f => f.IsNew)
            .WithMessage(_ => l["Catalog.CodeInvalidMax", Department.CodeMaxLength]);
        RuleFor(f => f.Name).NotEmpty().WithMessage(_ => l["Catalog.NameRequired"])
            .MaximumLength(Department.NameMaxLength).WithMessage(_ => l["Validation.TooLong", Department.NameMaxLength]);
    }
}
