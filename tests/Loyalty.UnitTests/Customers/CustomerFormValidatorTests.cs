using FluentValidation;
using Loyalty.Domain.Customers;
using Loyalty.Domain.Tenancy;
using Loyalty.Web;
using Loyalty.Web.Features.Customers;
using Microsoft.Extensions.Localization;

namespace Loyalty.UnitTests.Customers;

public sealed class CustomerFormValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData(PersonType.PF, "Document.CpfRequired")]
    [InlineData(PersonType.PJ, "Document.CnpjRequired")]
    public void Personal_Should_Require_The_Document(PersonType type, string message)
    {
        var errors = Validate(new CustomerForm { PersonType = type, Name = "Maria" }, CustomerFormValidator.Personal);

        Assert.Contains(errors, e => e.PropertyName == nameof(CustomerForm.Document) && e.ErrorMessage == message);
    }

    [Fact]
    public void Personal_Should_Refuse_A_Gender_Outside_The_List_Even_When_Gender_Is_Optional()
    {
        var errors = Validate(new CustomerForm { Document = "529.982.247-25", Name = "Maria", Gender = (Gender)42 }, CustomerFormValidator.Personal);

        Assert.Contains(errors, e => e.PropertyName == nameof(CustomerForm.Gender));
    }

    [Fact]
    public void Personal_Should_Accept_A_Minimal_Titular()
    {
        var errors = Validate(new CustomerForm { Document = "529.982.247-25", Name = "Maria" }, CustomerFormValidator.Personal);

        Assert.Empty(errors);
    }

    [Fact]
    public void RequiredFields_Should_Be_The_Key_Fields_And_The_Titular_For_A_New_Tenant()
    {
        var required = Validator(ProgramSettings.ForNewTenant()).RequiredFields(PersonType.PF);

        Assert.Equal(
            [nameof(CustomerForm.Document), nameof(CustomerForm.Name), nameof(CustomerForm.TitularId)],
            required.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RequiredFields_Should_Follow_The_Tenants_Mandatory_Fields_With_The_Whole_Address_But_The_Complement()
    {
        var settings = ProgramSettings.ForNewTenant();
        settings.ChangeMandatoryFields(MandatoryFields.Gender | MandatoryFields.Email | MandatoryFields.Address, settings.MinimumTitularAge);

        var required = Validator(settings).RequiredFields(PersonType.PF);

        string[] expected = ["Cep", "City", "Document", "Email", "Gender", "Name", "Neighborhood", "Number", "Street", "TitularId", "Uf"];
        Assert.Equal(expected, required.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(nameof(CustomerForm.Complement), required);
        Assert.DoesNotContain(nameof(CustomerForm.MobilePhone), required);
    }

    [Fact]
    public void RequiredFields_Should_Leave_Out_What_A_Company_Is_Never_Asked_For()
    {
        var settings = ProgramSettings.ForNewTenant();
        settings.ChangeMandatoryFields(MandatoryFields.Gender | MandatoryFields.BirthDate | MandatoryFields.Email, settings.MinimumTitularAge);

        var required = Validator(settings).RequiredFields(PersonType.PJ);

        Assert.Contains(nameof(CustomerForm.Email), required);
        Assert.DoesNotContain(nameof(CustomerForm.Gender), required);
        Assert.DoesNotContain(nameof(CustomerForm.BirthDate), required);
    }

    private static CustomerFormValidator Validator(ProgramSettings settings) =>
        new(new KeyLocalizer(), settings, Today, isNew: true);

    private static List<FluentValidation.Results.ValidationFailure> Validate(CustomerForm form, string ruleSet) =>
        new CustomerFormValidator(new KeyLocalizer(), ProgramSettings.ForNewTenant(), Today, isNew: true)
            .Validate(form, o => o.IncludeRuleSets(ruleSet)).Errors;

    /// <summary>Answers each key with itself, so tests assert which message was chosen.</summary>
    private sealed class KeyLocalizer : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
