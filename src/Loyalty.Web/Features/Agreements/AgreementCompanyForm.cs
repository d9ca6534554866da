using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Loyalty.Domain.Agreements;
using Loyalty.Domain.Customers;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Agreements;

/// <summary>Every field of an agreement (convênio) company.</summary>
public sealed class AgreementCompanyForm
{
    public Guid Id { get; set; }

    [Display(Name = "Agreement.Name")]
    public string? Name { get; set; }

    [Display(Name = "Agreement.Cnpj")]
    public string? Cnpj { get; set; }

    [Display(Name = "Agreement.NameOnEmbosserFile")]
    public bool NameOnEmbosserFile { get; set; }

    public static AgreementCompanyForm From(AgreementCompany c) => new()
    {
        Id = c.Id,
        Name = c.Name,
        Cnpj = c.FormattedCnpj,
        NameOnEmbosserFile = c.NameOnEmbosserFile,
    };
}

public sealed class AgreementCompanyFormValidator : AbstractValidator<AgreementCompanyForm>
{
    public AgreementCompanyFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage(_ => l["Agreement.NameRequired"])
            .MaximumLength(AgreementCompany.NameMaxLength).WithMessage(_ => l["Validation.TooLong", AgreementCompany.NameMaxLength]);
        RuleFor(c => c.Cnpj).NotEmpty().WithMessage(_ => l["Agreement.CnpjRequired"])
            .Must(Cnpj.IsValid).When(c => !string.IsNullOrWhiteSpace(c.Cnpj)).WithMessage(_ => l["Agreement.CnpjInvalid"]);
    }
}
