using Loyalty.Web.Features.Shared;
using FluentValidation;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Credit;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Tenancy;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// The registration rules of SPEC §3 that need no database: document check digits, CEP, UF, DDD, e-mail, birth date and
/// minimum age, the tenant's mandatory fields and card-number rule. One rule set per wizard step, so a step is checked
/// alone and the final confirmation checks them all. Uniqueness and references are checked by the handler.
/// </summary>
public sealed class CustomerFormValidator : AbstractValidator<CustomerForm>
{
    public const string Personal = "Personal";
    public const string Contact = "Contact";
    public const string Card = "Card";

    public CustomerFormValidator(IStringLocalizer<SharedResource> l, ProgramSettings settings, DateOnly today, bool isNew)
    {
        RuleSet(Personal, () =>
        {
            RuleFor(c => c.PersonType).IsInEnum().WithMessage(_ => l["Validation.InvalidValueShort"]);
            // Separate rules, not one chain: FluentValidation applies a When to every validator before it in the chain,
            // which would silence NotEmpty exactly when the document is empty.
            RuleFor(c => c.Document).NotEmpty().WithMessage(c => l[c.PersonType == PersonType.PF ? "Document.CpfRequired" : "Document.CnpjRequired"]);
            RuleFor(c => c.Document).Must(Cpf.IsValid).When(c => c.PersonType == PersonType.PF && !string.IsNullOrWhiteSpace(c.Document))
                .WithMessage(_ => l["Document.CpfInvalid"]);
            RuleFor(c => c.Document).Must(Cnpj.IsValid).When(c => c.PersonType == PersonType.PJ && !string.IsNullOrWhiteSpace(c.Document))
                .WithMessage(_ => l["Document.CnpjInvalid"]);
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => l["Validation.Required"])
                .MaximumLength(Customer.NameMaxLength).WithMessage(_ => l["Validation.TooLong", Customer.NameMaxLength]);
            RuleFor(c => c.Gender).IsInEnum().WithMessage(_ => l["Validation.InvalidValueShort"]);
            // Gender, birth date and mother's name describe a person: a company (PJ) is never asked for them.
            When(c => c.PersonType == PersonType.PF, () =>
            {
                RuleFor(c => c.Gender).NotEqual(Gender.NotInformed).When(_ => settings.Requires(MandatoryFields.Gender))
                    .WithMessage(_ => l["Validation.Required"]);
                RuleFor(c => c.BirthDate).NotNull().When(_ => settings.Requires(MandatoryFields.BirthDate))
                    .WithMessage(_ => l["Validation.Required"]);
                RuleFor(c => c.BirthDate).LessThan(today).When(c => c.BirthDate is not null)
                    .WithMessage(_ => l["Customer.BirthDateFuture"])
                    .GreaterThan(today.AddYears(-130)).When(c => c.BirthDate is not null)
                    .WithMessage(_ => l["Customer.BirthDateTooOld"]);
                // A titular PF must be of the tenant's minimum age; a dependent may be a minor.
                RuleFor(c => c.BirthDate).Must(b => b!.Value.AddYears(settings.MinimumTitularAge) <= today)
                    .When(c => c.BirthDate is not null && c.BirthDate < today && !c.IsDependent)
                    .WithMessage(_ => l["Customer.TitularTooYoung", settings.MinimumTitularAge]);
                // Credit data is optional (a loyalty-only tenant never asks for it); what is typed must make sense.
                RuleFor(c => c.MaritalStatus).IsInEnum().WithMessage(_ => l["Credit.MaritalStatusInvalid"]);
                RuleFor(c => c.ResidenceType).IsInEnum().WithMessage(_ => l["Credit.ResidenceTypeInvalid"]);
                RuleFor(c => c.Occupation).IsInEnum().WithMessage(_ => l["Credit.OccupationInvalid"]);
                RuleFor(c => c.OccupationDescription).MaximumLength(CreditProfile.OccupationDescriptionMaxLength)
                    .WithMessage(_ => l["Validation.TooLong", CreditProfile.OccupationDescriptionMaxLength]);
                RuleFor(c => c.MonthlyIncome).InclusiveBetween(0, CreditProfile.MaxIncome).WithMessage(_ => l["Credit.IncomeInvalid"]);
                RuleFor(c => c.AdditionalIncome).InclusiveBetween(0, CreditProfile.MaxIncome).WithMessage(_ => l["Credit.IncomeInvalid"]);
                RuleFor(c => c.MonthsAtEmployer).InclusiveBetween(0, CreditProfile.MaxMonths).WithMessage(_ => l["Credit.MonthsInvalid"]);
                RuleFor(c => c.MonthsAtResidence).InclusiveBetween(0, CreditProfile.MaxMonths).WithMessage(_ => l["Credit.MonthsInvalid"]);
                RuleFor(c => c.MotherName).NotEmpty().When(_ => settings.Requires(MandatoryFields.MotherName))
                    .WithMessage(_ => l["Validation.Required"])
                    .MaximumLength(Customer.MotherNameMaxLength).WithMessage(_ => l["Validation.TooLong", Customer.MotherNameMaxLength]);
            });
        });

        RuleSet(Contact, () =>
        {
            RuleFor(c => c.Cep).Must(v => Cep.TryParse(v, out _)).When(c => !string.IsNullOrWhiteSpace(c.Cep))
                .WithMessage(_ => l["Address.CepInvalid"]);
            RuleFor(c => c.Uf).Must(Uf.IsValid).When(c => !string.IsNullOrWhiteSpace(c.Uf)).WithMessage(_ => l["Address.UfInvalid"]);
            RuleFor(c => c.Street).MaximumLength(Address.StreetMaxLength).WithMessage(_ => l["Validation.TooLong", Address.StreetMaxLength]);
            RuleFor(c => c.Number).MaximumLength(Address.NumberMaxLength).WithMessage(_ => l["Validation.TooLong", Address.NumberMaxLength]);
            RuleFor(c => c.Complement).MaximumLength(Address.ComplementMaxLength).WithMessage(_ => l["Validation.TooLong", Address.ComplementMaxLength]);
            RuleFor(c => c.Neighborhood).MaximumLength(Address.NeighborhoodMaxLength).WithMessage(_ => l["Validation.TooLong", Address.NeighborhoodMaxLength]);
            RuleFor(c => c.City).MaximumLength(Address.CityMaxLength).WithMessage(_ => l["Validation.TooLong", Address.CityMaxLength]);
            When(_ => settings.Requires(MandatoryFields.Address), () =>
            {
                RuleFor(c => c.Cep).NotEmpty().WithMessage(_ => l["Validation.Required"]);
                RuleFor(c => c.Street).NotEmpty().WithMessage(_ => l["Validation.Required"]);
                RuleFor(c => c.Number).NotEmpty().WithMessage(_ => l["Validation.Required"]);
                RuleFor(c => c.Neighborhood).NotEmpty().WithMessage(_ => l["Validation.Required"]);
                RuleFor(c => c.City).NotEmpty().WithMessage(_ => l["Validation.Required"]);
                RuleFor(c => c.Uf).NotEmpty().WithMessage(_ => l["Validation.Required"]);
            });
            RuleFor(c => c.MobilePhone).NotEmpty().When(_ => settings.Requires(MandatoryFields.MobilePhone))
                .WithMessage(_ => l["Validation.Required"]);
            RuleFor(c => c.MobilePhone).Must(v => MobilePhone.TryParse(v, out _)).When(c => !string.IsNullOrWhiteSpace(c.MobilePhone))
                .WithMessage(_ => l["Contact.PhoneInvalid"]);
            RuleFor(c => c.Email).NotEmpty().When(_ => settings.Requires(MandatoryFields.Email))
                .WithMessage(_ => l["Validation.Required"]);
            RuleFor(c => c.Email).ValidEmail().When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage(_ => l["Contact.EmailInvalid"])
                .MaximumLength(Customer.EmailMaxLength).WithMessage(_ => l["Validation.TooLong", Customer.EmailMaxLength]);
        });

        RuleSet(Card, () =>
        {
            // An empty card number means "generate one" at registration; a typed one follows the tenant's rule.
            RuleFor(c => c.CardNumber).Must(settings.CardRule.Accepts).When(c => isNew && !string.IsNullOrWhiteSpace(c.CardNumber))
                .WithMessage(_ => l["Card.NumberInvalid", settings.CardLength, settings.CardPrefix]);
            RuleFor(c => c.RedeemScope).IsInEnum().WithMessage(_ => l["Validation.InvalidValueShort"]);
            RuleFor(c => c.TitularId).NotNull().When(c => c.IsDependent).WithMessage(_ => l["Customer.TitularRequired"]);
        });
    }

    public static IEnumerable<string> RuleSetsUpTo(int step) => new[] { Personal, Contact, Card }.Take(step);

    /// <summary>
    /// The fields a form of this person type may not leave blank: those these very rules refuse on a blank form (of a
    /// dependent, so that the titular is among them). The screens mark them from here, so the marks follow the key
    /// fields and the tenant's mandatory fields without a second list.
    /// </summary>
    public IReadOnlySet<string> RequiredFields(PersonType personType)
    {
        var blank = new CustomerForm { PersonType = personType, IsDependent = true };
        return this.Validate(blank, o => o.IncludeAllRuleSets()).Errors.Select(e => e.PropertyName).ToHashSet(StringComparer.Ordinal);
    }
}
