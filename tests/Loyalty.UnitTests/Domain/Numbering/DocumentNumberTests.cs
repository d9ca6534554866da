using Loyalty.Domain.Numbering;

namespace Loyalty.UnitTests.Domain.Numbering;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData(DocumentKind.Redemption, 123, "RES-000123")]
    [InlineData(DocumentKind.RedemptionCancellation, 4, "CAN-000004")]
    [InlineData(DocumentKind.GiftDelivery, 12, "BRI-000012")]
    [InlineData(DocumentKind.EmbossingBatch, 1, "LOT-000001")]
    [InlineData(DocumentKind.Import, 1234567, "IMP-1234567")]
    public void Format_Should_Show_The_Kinds_Prefix_And_Six_Digits_At_Least(DocumentKind kind, long value, string expected) =>
        Assert.Equal(expected, DocumentNumber.Format(kind, value));

    [Theory]
    [InlineData("RES-000123", DocumentKind.Redemption, 123)]
    [InlineData(" res 123 ", DocumentKind.Redemption, 123)]
    [InlineData("RES123", DocumentKind.Redemption, 123)]
    [InlineData("Nº RES-000123", DocumentKind.Redemption, 123)]
    [InlineData("can-000004", DocumentKind.RedemptionCancellation, 4)]
    [InlineData("BRI-12", DocumentKind.GiftDelivery, 12)]
    [InlineData("123", DocumentKind.Redemption, 123)]
    public void Parse_Should_Read_Numbers_As_People_Type_Them(string text, DocumentKind kind, long value) =>
        Assert.Equal(new DocumentNumber(kind, value), DocumentNumber.Parse(text, bare: DocumentKind.Redemption));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RES-")]
    [InlineData("RES-0")]
    [InlineData("XYZ-000123")]
    [InlineData("RES-12a")]
    [InlineData("01a2415f-7c0c-4b1e-9a55-0f3a1b2c3d4e")]
    [InlineData("99999999999999999999")]
    public void Parse_Should_Refuse_What_Is_Not_A_Number(string? text) =>
        Assert.Null(DocumentNumber.Parse(text, bare: DocumentKind.Redemption));

    [Fact]
    public void Parse_Should_Refuse_Bare_Digits_When_No_Kind_Is_Implied() =>
        Assert.Null(DocumentNumber.Parse("123"));
}
