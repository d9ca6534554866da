using Loyalty.Domain.Common;
using Loyalty.Domain.Tenancy;

namespace Loyalty.UnitTests.Domain.Tenancy;

public sealed class StoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("lj01", "LJ01")]
    [InlineData("  Lj02 ", "LJ02")]
    [InlineData("a", "A")]
    [InlineData("123456", "123456")]
    public void Create_Should_NormalizeTheCodeToUpperCase(string code, string expected)
    {
        var store = Store.Create(code, "Loja Centro", Now);

        Assert.Equal(expected, store.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("LOJA 1")]
    [InlineData("LJ-01")]
    [InlineData("LJ_01")]
    [InlineData("ABCDEFG")]
    [InlineData("LJÇ1")]
    public void Create_Should_Refuse_When_CodeIsNotOneToSixLettersOrDigits(string code)
    {
        var error = Assert.Throws<DomainException>(() => Store.Create(code, "Loja", Now));

        Assert.Equal("Store.CodeInvalid", error.Code);
    }

    [Theory]
    [InlineData("lj01", true)]
    [InlineData(" LJ01 ", true)]
    [InlineData("LOJA 1", false)]
    [InlineData("ABCDEFG", false)]
    [InlineData(null, false)]
    public void IsValidCode_Should_AgreeWithCreate(string? code, bool expected) => Assert.Equal(expected, Store.IsValidCode(code));

    [Fact]
    public void Create_Should_StartActiveWithTheTrimmedName()
    {
        var store = Store.Create("LJ01", "  Loja Centro ", Now);

        Assert.True(store.IsActive);
        Assert.Equal("Loja Centro", store.Name);
        Assert.Equal(Now, store.CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_Should_Refuse_When_NameIsBlank(string name)
    {
        var error = Assert.Throws<DomainException>(() => Store.Create("LJ01", name, Now));

        Assert.Equal("Store.NameRequired", error.Code);
    }

    [Fact]
    public void Create_Should_Refuse_When_NameIsLongerThanTheMaximum()
    {
        var error = Assert.Throws<DomainException>(() => Store.Create("LJ01", new string('x', Store.NameMaxLength + 1), Now));

        Assert.Equal("Store.NameRequired", error.Code);
    }

    [Fact]
    public void Rename_Should_ReplaceTheNameTrimmed()
    {
        var store = Store.Create("LJ01", "Loja Centro", Now);

        store.Rename("  Loja Praça ");

        Assert.Equal("Loja Praça", store.Name);
    }

    [Fact]
    public void Rename_Should_Refuse_When_NameIsBlank_And_KeepTheOldName()
    {
        var store = Store.Create("LJ01", "Loja Centro", Now);

        var error = Assert.Throws<DomainException>(() => store.Rename(" "));

        Assert.Equal("Store.NameRequired", error.Code);
        Assert.Equal("Loja Centro", store.Name);
    }

    [Fact]
    public void Deactivate_Should_MakeAnActiveStoreInactive()
    {
        var store = Store.Create("LJ01", "Loja Centro", Now);

        store.Deactivate();

        Assert.False(store.IsActive);
    }

    [Fact]
    public void Deactivate_Should_Refuse_When_StoreIsAlreadyInactive()
    {
        var store = Store.Create("LJ01", "Loja Centro", Now);
        store.Deactivate();

        var error = Assert.Throws<DomainException>(store.Deactivate);

        Assert.Equal("Store.AlreadyInactive", error.Code);
        Assert.False(store.IsActive);
    }

    [Fact]
    public void Reactivate_Should_MakeAnInactiveStoreActive()
    {
        var store = Store.Create("LJ01", "Loja Centro", Now);
        store.Deactivate();

        store.Reactivate();

        Assert.True(store.IsActive);
    }

    [Fact]
    public void Reactivate_Should_Refuse_When_StoreIsAlreadyActive()
    {
        var store = Store.Create("LJ01", "Loja Centro", Now);

        var error = Assert.Throws<DomainException>(store.Reactivate);

        Assert.Equal("Store.AlreadyActive", error.Code);
        Assert.True(store.IsActive);
    }
}
