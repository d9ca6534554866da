using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Catalog;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Catalog;

/// <summary>A product of the catalogue. The code is typed once, as the POS sends it, and is fixed afterwards.</summary>
public sealed class ProductForm
{
    public Guid Id { get; set; }

    [Display(Name = "Catalog.Code")]
    public string? Code { get; set; }

    [Display(Name = "Product.Description")]
    public string? Description { get; set; }

    [Display(Name = "Product.Department")]
    public Guid? DepartmentId { get; set; }

    [Display(Name = "Product.Section")]
    public Guid? SectionId { get; set; }

    public bool IsActive { get; set; } = true;

    public bool IsNew => Id == Guid.Empty;

    /// <summary>The choices of the two selects (filled by the handler, not bound).</summary>
    public List<SelectListItem> Departments { get; set; } = [];

    public List<SelectListItem> Sections { get; set; } = [];
}

public sealed class ProductFormValidator : AbstractValidator<ProductForm>
{
    public ProductFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(f => f.Code).Must(c => CatalogCode.IsValid(c, Product.CodeMaxLength)).When(f => f.IsNew)
            .WithMessage(_ => l["Catalog.CodeInvalidMax", Product.CodeMaxLength]);
        RuleFor(f => f.Description).NotEmpty().WithMessage(_ => l["Catalog.DescriptionRequired"])
            .MaximumLength(Product.DescriptionMaxLength).WithMessage(_ => l["Validation.TooLong", Product.DescriptionMaxLength]);
        RuleFor(f => f.DepartmentId).NotNull().When(f => f.SectionId is not null).WithMessage(_ => l["Catalog.SectionWithoutDepartment"]);
    }
}
