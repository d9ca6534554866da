using Loyalty.Domain.Cards;
using Loyalty.Domain.Common;

namespace Loyalty.UnitTests.Cards;

public sealed class CardPinTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1234", true)]
    [InlineData("123456", true)]
    [InlineData("123", false)]
    [InlineData("1234567", false)]
    [InlineData("12 34", false)]
    [InlineData("١٢٣٤", false)] // Arabic-Indic digits are digits to char.IsDigit, not to a PIN pad
    [InlineData(null, false)]
    public void IsWellFormed_Should_AcceptFourToSixAsciiDigitsOnly(string? pin, bool expected) =>
        Assert.Equal(expected, CardPin.IsWellFormed(pin));

    [Fact]
    public void Change_Should_CountWrongTries_AndLockOnTheThird()
    {
        var pin = CardPin.Create(Guid.NewGuid(), "1234", Now);

        Assert.False(pin.Change("0000", "5678", Now));
        Assert.False(pin.Change("0000", "5678", Now));
        Assert.False(pin.IsLocked);
        Assert.False(pin.Change("0000", "5678", Now));

        Assert.True(pin.IsLocked);
        Assert.Equal("CardPin.Locked", Assert.Throws<DomainException>(() => pin.Change("1234", "5678", Now)).Code);
    }

    [Fact]
    public void Reset_Should_UnlockAndAcceptTheNewPinAsCurrent()
    {
        var pin = CardPin.Create(Guid.NewGuid(), "1234", Now);
        for (var i = 0; i < CardPin.MaxWrongTries; i++)
        {
            pin.Change("0000", "5678", Now);
        }

        pin.Reset("4321", Now);

        Assert.False(pin.IsLocked);
        Assert.True(pin.Change("4321", "8765", Now));
    }

    [Fact]
    public void Change_Should_RefuseAMalformedNewPin_WithoutCountingATry()
    {
        var pin = CardPin.Create(Guid.NewGuid(), "1234", Now);

        Assert.Equal("CardPin.Invalid", Assert.Throws<DomainException>(() => pin.Change("0000", "12", Now)).Code);
        Assert.Equal(0, pin.WrongTries);
    }
}
