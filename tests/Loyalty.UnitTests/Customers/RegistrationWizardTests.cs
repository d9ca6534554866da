using Loyalty.Web.Features.Customers.Wizard;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Loyalty.UnitTests.Customers;

public sealed class RegistrationWizardTests
{
    private static readonly string[] CheckboxPair = ["true", "false"];

    [Theory]
    [InlineData("Document", 1)]
    [InlineData("IsDependent", 1)]
    [InlineData("Cep", 2)]
    [InlineData("Email", 2)]
    [InlineData("TitularId", 3)]
    [InlineData("StoreId", 3)]
    [InlineData("Unknown", 1)]
    public void Every_Field_Belongs_To_The_Step_That_Shows_It(string field, int step) =>
        Assert.Equal(step, RegistrationWizard.StepOf(field));

    [Fact]
    public void The_Other_Steps_Fields_Are_Carried_With_What_Was_Typed_Even_When_It_Did_Not_Parse()
    {
        var wizard = new RegistrationWizard { Step = 2, Name = "Maria", IsDependent = true, BirthDate = new DateOnly(1990, 5, 20), Cep = "01310-100" };
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("BirthDate", "20/13/1990", "20/13/1990");
        modelState.SetModelValue("IsDependent", CheckboxPair, "true,false");

        var carried = wizard.CarriedFields(modelState).ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal("Maria", carried["Name"]);
        Assert.Equal("20/13/1990", carried["BirthDate"]);
        Assert.Equal("true", carried["IsDependent"]); // the bound value, not the checkbox pair
        Assert.Equal("PF", carried["PersonType"]);
        Assert.Equal("TitularOnly", carried["RedeemScope"]);
        Assert.False(carried.ContainsKey("Cep"));       // shown on this screen
        Assert.False(carried.ContainsKey("Email"));     // nothing typed, nothing carried
    }
}
