using Loyalty.Domain.Customers;
using Loyalty.Web.Features.Customers;

namespace Loyalty.UnitTests.Customers;

/// <summary>"Copiar endereço e telefone do titular": what goes from the titular into the dependent's form.</summary>
public sealed class TitularContactTests
{
    private static readonly Address Paulista = new()
    {
        Cep = "01310100", Street = "Avenida Paulista", Number = "1000", Neighborhood = "Bela Vista", City = "São Paulo", Uf = "SP",
    };

    [Fact]
    public void Fields_Should_Be_The_Address_And_Phone_As_The_Form_Shows_Them()
    {
        var fields = new TitularContact.Contact(Paulista, "11987654321").Fields();

        Assert.Equal("01310-100", fields[nameof(CustomerForm.Cep)]);
        Assert.Equal("Avenida Paulista", fields[nameof(CustomerForm.Street)]);
        Assert.Equal("SP", fields[nameof(CustomerForm.Uf)]);
        Assert.Equal("(11) 98765-4321", fields[nameof(CustomerForm.MobilePhone)]);
    }

    [Fact]
    public void The_Address_Should_Go_Whole_So_A_Complement_Of_Another_Address_Does_Not_Stay()
    {
        var form = new CustomerForm { Complement = "casa 2", Email = "dependente@example.com" };

        var copied = new TitularContact.Contact(Paulista, "11987654321").CopyTo(form);

        Assert.Null(form.Complement);
        Assert.Equal("Avenida Paulista", form.Street);
        Assert.Equal("(11) 98765-4321", form.MobilePhone);
        Assert.Equal("dependente@example.com", form.Email); // not the titular's to give
        Assert.Contains(nameof(CustomerForm.Complement), copied);
        Assert.DoesNotContain(nameof(CustomerForm.Email), copied);
    }

    [Fact]
    public void What_The_Titular_Lacks_Should_Leave_The_Dependents_Own_Value()
    {
        var form = new CustomerForm { Street = "Rua das Flores", MobilePhone = "(21) 99876-5432" };

        var copied = new TitularContact.Contact(Address.Empty, null).CopyTo(form);

        Assert.Empty(copied);
        Assert.Equal("Rua das Flores", form.Street);
        Assert.Equal("(21) 99876-5432", form.MobilePhone);
    }
}
