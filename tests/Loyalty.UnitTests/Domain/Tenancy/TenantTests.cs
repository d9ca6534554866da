using Loyalty.Domain.Common;
using Loyalty.Domain.Tenancy;

namespace Loyalty.UnitTests.Domain.Tenancy;

public sealed class TenantTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_Should_UseSaoPaulo_When_NoTimeZoneIsGiven()
    {
        var tenant = Tenant.Create("demo", "Rede Demo", null, Now);

        Assert.Equal("America/Sao_Paulo", tenant.TimeZoneId);
        Assert.Equal(Tenant.DefaultTimeZone, tenant.TimeZoneId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_Should_UseSaoPaulo_When_TimeZoneIsBlank(string zone) =>
        Assert.Equal("America/Sao_Paulo", Tenant.Create("demo", "Rede Demo", zone, Now).TimeZoneId);

    [Fact]
    public void Create_Should_KeepTheGivenZone_When_ItIsAKnownIanaZone() =>
        Assert.Equal("America/Manaus", Tenant.Create("demo", "Rede Demo", " America/Manaus ", Now).TimeZoneId);

    [Theory]
    [InlineData("America/Atlantis")]
    [InlineData("Brasilia")]
    public void Create_Should_Refuse_When_TimeZoneIsUnknown(string zone)
    {
        var error = Assert.Throws<DomainException>(() => Tenant.Create("demo", "Rede Demo", zone, Now));

        Assert.Equal("Tenant.TimeZoneInvalid", error.Code);
    }

    [Fact]
    public void Create_Should_NormalizeTheCode_When_ItHasUpperCaseAndSpaces() =>
        Assert.Equal("rede-01", Tenant.Create("  Rede-01 ", "Rede", null, Now).Code);

    [Theory]
    [InlineData("a")]
    [InlineData("rede 01")]
    [InlineData("-rede")]
    [InlineData("abcdefghijk")]
    public void Create_Should_Refuse_When_CodeIsInvalid(string code)
    {
        var error = Assert.Throws<DomainException>(() => Tenant.Create(code, "Rede", null, Now));

        Assert.Equal("Tenant.CodeInvalid", error.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_Should_Refuse_When_NameIsBlank(string name)
    {
        var error = Assert.Throws<DomainException>(() => Tenant.Create("demo", name, null, Now));

        Assert.Equal("Tenant.NameRequired", error.Code);
    }

    [Fact]
    public void Create_Should_Refuse_When_NameIsLongerThanTheMaximum()
    {
        var error = Assert.Throws<DomainException>(() => Tenant.Create("demo", new string('x', Tenant.NameMaxLength + 1), null, Now));

        Assert.Equal("Tenant.NameRequired", error.Code);
    }

    [Fact]
    public void Create_Should_TrimTheNameAndStampTheCreationTime()
    {
        var tenant = Tenant.Create("demo", "  Rede Demo  ", null, Now);

        Assert.Equal("Rede Demo", tenant.Name);
        Assert.Equal(Now, tenant.CreatedAt);
        Assert.NotEqual(Guid.Empty, tenant.Id);
    }

    [Theory]
    [InlineData("2026-03-01T02:59:59Z", "2026-02-28")]
    [InlineData("2026-03-01T03:00:00Z", "2026-03-01")]
    [InlineData("2026-01-01T02:59:59Z", "2025-12-31")]
    [InlineData("2026-01-01T03:00:00Z", "2026-01-01")]
    public void LocalDate_Should_ChangeAtMidnightInSaoPaulo(string instant, string expected)
    {
        var tenant = Tenant.Create("demo", "Rede Demo", null, Now);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            tenant.LocalDate(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void LocalDate_Should_UseTheTenantZone_When_ItIsNotSaoPaulo()
    {
        var tenant = Tenant.Create("demo", "Rede Demo", "America/Manaus", Now);

        // Manaus is UTC-4: 03:30Z is still the previous evening there, while São Paulo has already turned the day.
        Assert.Equal(new DateOnly(2026, 2, 28), tenant.LocalDate(new DateTimeOffset(2026, 3, 1, 3, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void LocalDate_Should_IgnoreTheOffsetOfTheInstant()
    {
        var tenant = Tenant.Create("demo", "Rede Demo", null, Now);
        var sameInstantInTokyo = new DateTimeOffset(2026, 3, 1, 11, 59, 0, TimeSpan.FromHours(9));

        Assert.Equal(new DateOnly(2026, 2, 28), tenant.LocalDate(sameInstantInTokyo));
    }
}
