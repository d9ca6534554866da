using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Loyalty.Web.Features.Customers.Wizard;

/// <summary>
/// The counter wizard's form: every registration field plus where the user is (the step), the registering store and the
/// titular search. Every post carries all of it — the other steps' fields as hidden inputs — so nothing typed is lost
/// when the user goes back, searches, or fails a step.
/// </summary>
public sealed class RegistrationWizard : CustomerForm
{
    public const int Review = RegisterCustomer.Steps + 1;

    private static readonly string[] PersonalFields =
    [
        nameof(PersonType), nameof(Document), nameof(Name), nameof(Gender), nameof(BirthDate), nameof(MotherName),
        nameof(CategoryId), nameof(IsDependent), nameof(MaritalStatus), nameof(Occupation), nameof(OccupationDescription),
        nameof(MonthlyIncome), nameof(AdditionalIncome), nameof(ProvenIncome), nameof(MonthsAtEmployer), nameof(ResidenceType),
        nameof(MonthsAtResidence),
    ];

    private static readonly string[] ContactFields =
    [
        nameof(Cep), nameof(Street), nameof(Number), nameof(Complement), nameof(Neighborhood), nameof(City), nameof(Uf),
        nameof(MobilePhone), nameof(Email),
    ];

    private static readonly string[] CardFields =
        [nameof(CardNumber), nameof(RedeemScope), nameof(TitularId), nameof(StoreId), nameof(TitularQuery), nameof(AgreementCompanyId)];

    private static readonly string[][] FieldsByStep = [PersonalFields, ContactFields, CardFields];

    /// <summary>1–3 for the steps, 4 for the review.</summary>
    public int Step { get; set; } = 1;

    [Display(Name = "Registration.Store")]
    public Guid? StoreId { get; set; }

    [Display(Name = "Registration.TitularQuery")]
    public string? TitularQuery { get; set; }

    /// <summary>What the screens offer (categories, stores, titulars); loaded for each render, never posted.</summary>
    [BindNever]
    [ValidateNever]
    public RegistrationChoices.Lists Choices { get; set; } = RegistrationChoices.Lists.Empty;

    /// <summary>Set when the titular's address and phone were just copied in: the contact step says so.</summary>
    [BindNever]
    public bool TitularContactCopied { get; set; }

    /// <summary>Set when the document belongs to a customer of the tenant already: the screen offers that customer.</summary>
    [BindNever]
    public Guid? ExistingCustomerId { get; set; }

    /// <summary>The step whose screen shows the field; messages of unknown fields go to the first step.</summary>
    public static int StepOf(string field)
    {
        for (var step = 0; step < FieldsByStep.Length; step++)
        {
            if (FieldsByStep[step].Contains(field))
            {
                return step + 1;
            }
        }
        return 1;
    }

    /// <summary>
    /// The fields the current screen does not show, with the value to carry in a hidden input: what the user typed
    /// (from the model state, even when it did not parse), else the model's value in an invariant format.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> CarriedFields(ModelStateDictionary modelState)
    {
        var hidden = FieldsByStep.Where((_, index) => index + 1 != Step).SelectMany(fields => fields);
        foreach (var field in hidden)
        {
            // The checkbox posts "true,false" (box + its hidden companion): its bound value is the one to carry.
            var value = field != nameof(IsDependent) && modelState.TryGetValue(field, out var entry) && entry.AttemptedValue is { } typed
                ? typed
                : Format(field);
            if (!string.IsNullOrEmpty(value))
            {
                yield return new KeyValuePair<string, string>(field, value);
            }
        }
    }

    private string? Format(string field) => field switch
    {
        nameof(PersonType) => PersonType.ToString(),
        nameof(Document) => Document,
        nameof(Name) => Name,
        nameof(Gender) => Gender.ToString(),
        nameof(BirthDate) => BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        nameof(MotherName) => MotherName,
        nameof(CategoryId) => CategoryId?.ToString(),
        nameof(IsDependent) => IsDependent ? "true" : "false",
        nameof(MaritalStatus) => MaritalStatus?.ToString(),
        nameof(Occupation) => Occupation?.ToString(),
        nameof(OccupationDescription) => OccupationDescription,
        nameof(MonthlyIncome) => MonthlyIncome?.ToString(CultureInfo.CurrentCulture),
        nameof(AdditionalIncome) => AdditionalIncome?.ToString(CultureInfo.CurrentCulture),
        nameof(ProvenIncome) => ProvenIncome?.ToString(),
        nameof(MonthsAtEmployer) => MonthsAtEmployer?.ToString(CultureInfo.InvariantCulture),
        nameof(ResidenceType) => ResidenceType?.ToString(),
        nameof(MonthsAtResidence) => MonthsAtResidence?.ToString(CultureInfo.InvariantCulture),
        nameof(Cep) => Cep,
        nameof(Street) => Street,
        nameof(Number) => Number,
        nameof(Complement) => Complement,
        nameof(Neighborhood) => Neighborhood,
        nameof(City) => City,
        nameof(Uf) => Uf,
        nameof(MobilePhone) => MobilePhone,
        nameof(Email) => Email,
        nameof(CardNumber) => CardNumber,
        nameof(RedeemScope) => RedeemScope.ToString(),
        nameof(TitularId) => TitularId?.ToString(),
        nameof(StoreId) => StoreId?.ToString(),
        nameof(TitularQuery) => TitularQuery,
        nameof(AgreementCompanyId) => AgreementCompanyId?.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a wizard field."),
    };
}
