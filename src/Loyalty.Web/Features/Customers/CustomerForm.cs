using System.ComponentModel.DataAnnotations;
using Loyalty.Domain.Credit;
using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Loyalty.Web.Features.Customers;

/// <summary>
/// Every field of the registration (SPEC §3), in the order of the wizard's three steps. The counter wizard, the edit
/// screen and the API all fill this one shape and share <see cref="CustomerFormValidator"/>.
/// </summary>
public class CustomerForm : IRequiredFields
{
    // Step 1 — personal
    [Display(Name = "Customer.PersonType")]
    public PersonType PersonType { get; set; } = PersonType.PF;

    [Display(Name = "Customer.Document")]
    public string? Document { get; set; }

    [Display(Name = "Customer.Name")]
    public string? Name { get; set; }

    [Display(Name = "Customer.Gender")]
    public Gender Gender { get; set; } = Gender.NotInformed;

    [Display(Name = "Customer.BirthDate")]
    public DateOnly? BirthDate { get; set; }

    [Display(Name = "Customer.MotherName")]
    public string? MotherName { get; set; }

    [Display(Name = "Customer.Category")]
    public Guid? CategoryId { get; set; }

    [Display(Name = "Customer.IsDependent")]
    public bool IsDependent { get; set; }

    // Step 1 — credit analysis data (SPEC §8): optional, weighed by the credit score when given
    [Display(Name = "CreditProfile.MaritalStatus")]
    public MaritalStatus? MaritalStatus { get; set; }

    [Display(Name = "CreditProfile.Occupation")]
    public Occupation? Occupation { get; set; }

    [Display(Name = "CreditProfile.OccupationDescription")]
    public string? OccupationDescription { get; set; }

    [Display(Name = "CreditProfile.MonthlyIncome")]
    public decimal? MonthlyIncome { get; set; }

    [Display(Name = "CreditProfile.AdditionalIncome")]
    public decimal? AdditionalIncome { get; set; }

    [Display(Name = "CreditProfile.ProvenIncome")]
    public bool? ProvenIncome { get; set; }

    [Display(Name = "CreditProfile.MonthsAtEmployer")]
    public int? MonthsAtEmployer { get; set; }

    [Display(Name = "CreditProfile.ResidenceType")]
    public ResidenceType? ResidenceType { get; set; }

    [Display(Name = "CreditProfile.MonthsAtResidence")]
    public int? MonthsAtResidence { get; set; }

    // Step 2 — contact
    [Display(Name = "Address.Cep")]
    public string? Cep { get; set; }

    [Display(Name = "Address.Street")]
    public string? Street { get; set; }

    [Display(Name = "Address.Number")]
    public string? Number { get; set; }

    [Display(Name = "Address.Complement")]
    public string? Complement { get; set; }

    [Display(Name = "Address.Neighborhood")]
    public string? Neighborhood { get; set; }

    [Display(Name = "Address.City")]
    public string? City { get; set; }

    [Display(Name = "Address.Uf")]
    public string? Uf { get; set; }

    [Display(Name = "Customer.MobilePhone")]
    public string? MobilePhone { get; set; }

    [Display(Name = "Customer.Email")]
    public string? Email { get; set; }

    // Step 3 — loyalty card
    [Display(Name = "Customer.CardNumber")]
    public string? CardNumber { get; set; }

    [Display(Name = "Customer.RedeemScope")]
    public RedeemScope RedeemScope { get; set; } = RedeemScope.TitularOnly;

    [Display(Name = "Customer.Titular")]
    public Guid? TitularId { get; set; }

    /// <summary>The agreement (convênio) company; offered only on a loyalty-and-credit tenant.</summary>
    [Display(Name = "Customer.AgreementCompany")]
    public Guid? AgreementCompanyId { get; set; }

    /// <summary>The fields the screens mark as required (<see cref="CustomerRules.RequiredFieldsAsync"/>); loaded for
    /// each render, never posted.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlySet<string> RequiredFields { get; set; } = new HashSet<string>();

    public bool IsRequired(string field) => RequiredFields.Contains(field);

    public CustomerData ToData() => new(
        PersonType,
        NormalizedDocument ?? string.Empty,
        Name?.Trim() ?? string.Empty,
        Gender,
        BirthDate,
        MotherName,
        new Address
        {
            Cep = Domain.Customers.Cep.TryParse(Cep, out var cep) ? cep.Value : null,
            Street = Trim(Street),
            Number = Trim(Number),
            Complement = Trim(Complement),
            Neighborhood = Trim(Neighborhood),
            City = Trim(City),
            Uf = Domain.Customers.Uf.Normalize(Uf) is { Length: > 0 } uf ? uf : null,
        },
        Domain.Customers.MobilePhone.TryParse(MobilePhone, out var phone) ? phone.Value : null,
        Trim(Email));

    /// <summary>The credit data as typed; a company (PJ) declares none.</summary>
    public CreditProfile ToCredit() => PersonType != PersonType.PF ? CreditProfile.Empty : new CreditProfile
    {
        MaritalStatus = MaritalStatus, ResidenceType = ResidenceType, ProvenIncome = ProvenIncome, Occupation = Occupation,
        OccupationDescription = Trim(OccupationDescription), MonthlyIncome = MonthlyIncome, AdditionalIncome = AdditionalIncome,
        MonthsAtEmployer = MonthsAtEmployer, MonthsAtResidence = MonthsAtResidence,
    };

    public void FillCredit(CreditProfile credit)
    {
        MaritalStatus = credit.MaritalStatus;
        ResidenceType = credit.ResidenceType;
        ProvenIncome = credit.ProvenIncome;
        Occupation = credit.Occupation;
        OccupationDescription = credit.OccupationDescription;
        MonthlyIncome = credit.MonthlyIncome;
        AdditionalIncome = credit.AdditionalIncome;
        MonthsAtEmployer = credit.MonthsAtEmployer;
        MonthsAtResidence = credit.MonthsAtResidence;
    }

    /// <summary>The document as stored (digits, upper-case letters), or null when it is not a valid CPF/CNPJ.</summary>
    public string? NormalizedDocument => PersonType == PersonType.PF
        ? Cpf.TryParse(Document, out var cpf) ? cpf.Value : null
        : Cnpj.TryParse(Document, out var cnpj) ? cnpj.Value : null;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
