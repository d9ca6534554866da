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
