using Loyalty.Domain.Categories;
using Loyalty.Domain.Common;
using Loyalty.Domain.Customers;

namespace Loyalty.UnitTests.Customers;

public sealed class CustomerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Registration AtCounter = new(RegistrationOrigin.Counter, Now, Guid.NewGuid(), Guid.NewGuid());
    private static readonly CustomerCategory Padrao = CustomerCategory.CreateDefault(Now);

    private static CustomerData Pf(string cpf, string name = "João da Silva") =>
        new(PersonType.PF, cpf, name, Gender.Male, new DateOnly(1985, 4, 12), null, null, "11987654321", "Joao@Example.com");

    [Fact]
    public void Titular_Should_Record_Store_User_Origin_And_Normalise_Email()
    {
        var titular = Customer.RegisterTitular(Pf("52998224725"), Padrao, RedeemScope.AllCards, AtCounter);
        Assert.False(titular.IsDependent);
        Assert.Equal(titular.Id, titular.AccountHolderId);
        Assert.Equal(AtCounter.StoreId, titular.RegisteringStoreId);
        Assert.Equal(AtCounter.UserId, titular.RegisteringUserId);
        Assert.Equal(RegistrationOrigin.Counter, titular.Origin);
        Assert.Equal("joao@example.com", titular.Email);
        Assert.Equal("529.982.247-25", titular.FormattedDocument);
    }

    [Fact]
    public void Dependent_Should_Earn_For_The_Titular_Account()
    {
        var titular = Customer.RegisterTitular(Pf("52998224725"), Padrao, RedeemScope.AllCards, AtCounter);
        var dependent = Customer.RegisterDependent(Pf("12345678909", "Maria"), Padrao, titular, AtCounter);
        Assert.True(dependent.IsDependent);
        Assert.Equal(titular.Id, dependent.AccountHolderId);
    }

    [Fact]
    public void Dependent_Should_Not_Have_Dependents()
    {
        var titular = Customer.RegisterTitular(Pf("52998224725"), Padrao, RedeemScope.AllCards, AtCounter);
        var dependent = Customer.RegisterDependent(Pf("12345678909", "Maria"), Padrao, titular, AtCounter);
        Assert.Equal("Customer.DependentCannotBeTitular", Assert.Throws<DomainException>(() =>
            Customer.RegisterDependent(Pf("98765432100", "Neto"), Padrao, dependent, AtCounter)).Code);
    }

    [Fact]
    public void Who_Can_Redeem_Belongs_To_The_Titular()
    {
        var titular = Customer.RegisterTitular(Pf("52998224725"), Padrao, RedeemScope.TitularOnly, AtCounter);
        var dependent = Customer.RegisterDependent(Pf("12345678909", "Maria"), Padrao, titular, AtCounter);
        titular.ChangeRedeemScope(RedeemScope.AllCards);
        Assert.Equal(RedeemScope.AllCards, titular.RedeemScope);
        Assert.Equal("Customer.RedeemScopeBelongsToTitular",
            Assert.Throws<DomainException>(() => dependent.ChangeRedeemScope(RedeemScope.AllCards)).Code);
    }

    [Fact]
    public void Inactive_Category_Should_Not_Take_New_Customers()
    {
        var old = CustomerCategory.Create("Antiga", null, 1m, 30, AuditParameter.UseTenantRules, null, Now);
        old.Inactivate();
        Assert.Equal("Customer.CategoryInactive", Assert.Throws<DomainException>(() =>
            Customer.RegisterTitular(Pf("52998224725"), old, RedeemScope.TitularOnly, AtCounter)).Code);
    }

    [Fact]
    public void Company_Should_Keep_No_Personal_Fields()
    {
        var data = new CustomerData(PersonType.PJ, "12ABC34501DE35", "Transportes Ltda", Gender.Female, new DateOnly(2000, 1, 1), "Mãe", null, null, null);
        var company = Customer.RegisterTitular(data, Padrao, RedeemScope.TitularOnly, AtCounter);
        Assert.Null(company.BirthDate);
        Assert.Null(company.MotherName);
        Assert.Equal(Gender.NotInformed, company.Gender);
        Assert.Equal("12.ABC.345/01DE-35", company.FormattedDocument);
    }

    [Fact]
    public void Document_Should_Not_Change_On_Edit()
    {
        var titular = Customer.RegisterTitular(Pf("52998224725"), Padrao, RedeemScope.TitularOnly, AtCounter);
        Assert.Equal("Customer.DocumentCannotChange", Assert.Throws<DomainException>(() => titular.Update(Pf("12345678909"))).Code);
        titular.Update(Pf("52998224725", "João Silva"));
        Assert.Equal("João Silva", titular.Name);
    }

    [Fact]
    public void Redemption_Block_Should_Be_Removed_Once_And_Keep_Its_History()
    {
        var block = RedemptionBlock.Block(Guid.NewGuid(), "Fraude", null, "gerente", Now);
        Assert.True(block.IsInForce);
        block.Remove(null, "admin", Now.AddDays(1));
        Assert.False(block.IsInForce);
        Assert.Equal("admin", block.RemovedBy);
        Assert.Equal("Block.AlreadyRemoved", Assert.Throws<DomainException>(() => block.Remove(null, "x", Now)).Code);
        Assert.Equal("Block.ReasonRequired", Assert.Throws<DomainException>(() => RedemptionBlock.Block(Guid.NewGuid(), " ", null, "x", Now)).Code);
    }
}
