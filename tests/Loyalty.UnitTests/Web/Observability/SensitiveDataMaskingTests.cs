using Loyalty.Web.Infrastructure.Observability;

namespace Loyalty.UnitTests.Web.Observability;

public sealed class SensitiveDataMaskingTests
{
    [Theory]
    [InlineData("CPF 123.456.789-09 consultado", "CPF ************09 consultado")]
    [InlineData("123.456.789-09", "************09")]
    public void Mask_Should_HideAFormattedCpf_But_TheCheckDigits(string text, string expected) =>
        Assert.Equal(expected, SensitiveDataMasking.Mask(text));

    [Theory]
    [InlineData("GET /api/v1/customers/12345678909", "GET /api/v1/customers/*******8909")]
    [InlineData("cpf=12345678909&x=1", "cpf=*******8909&x=1")]
    public void Mask_Should_HideAnUnformattedCpf_But_TheLastFourDigits(string text, string expected) =>
        Assert.Equal(expected, SensitiveDataMasking.Mask(text));

    [Fact]
    public void Mask_Should_HideAnUnformattedCnpj_But_TheLastFourDigits() =>
        Assert.Equal("CNPJ **********0181", SensitiveDataMasking.Mask("CNPJ 11222333000181"));

    [Fact]
    public void Mask_Should_HideAFormattedCnpj_But_TheCheckDigits() =>
        Assert.Equal("CNPJ ****************81.", SensitiveDataMasking.Mask("CNPJ 11.222.333/0001-81."));

    [Fact]
    public void Mask_Should_HideAnAlphanumericCnpj_But_TheCheckDigits() =>
        Assert.Equal("/api/v1/customers/************35", SensitiveDataMasking.Mask("/api/v1/customers/12ABC34501DE35"));

    [Theory]
    [InlineData("/api/v1/customers/12abc34501de35", "/api/v1/customers/************35")]
    [InlineData("/api/v1/customers/12.abc.345%2F01de-35", "/api/v1/customers/******************35")]
    [InlineData("/api/v1/customers/12.ABC.345%2f01DE-35", "/api/v1/customers/******************35")]
    public void Mask_Should_HideACnpjTypedInLowerCaseOrWithAnEscapedSlash(string text, string expected) =>
        Assert.Equal(expected, SensitiveDataMasking.Mask(text));

    [Fact]
    public void Mask_Should_HideAFormattedAlphanumericCnpj_But_TheCheckDigits() =>
        Assert.Equal("empresa ****************35 criada", SensitiveDataMasking.Mask("empresa 12.ABC.345/01DE-35 criada"));

    [Theory]
    [InlineData("4222222222225", "*********2225")]
    [InlineData("4111111111111111", "************1111")]
    [InlineData("6011000990139424123", "***************4123")]
    public void Mask_Should_HideACardNumberOf13To19Digits_But_TheLastFour(string card, string expected) =>
        Assert.Equal($"cartão {expected} emitido", SensitiveDataMasking.Mask($"cartão {card} emitido"));

    [Fact]
    public void Mask_Should_HideEveryDocumentInTheText()
    {
        var masked = SensitiveDataMasking.Mask("titular 123.456.789-09, dependente 98765432100, cartão 4111111111111111");

        Assert.DoesNotContain("123.456.789", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("9876543", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("411111111111", masked, StringComparison.Ordinal);
        Assert.Equal("titular ************09, dependente *******2100, cartão ************1111", masked);
    }

    [Theory]
    [InlineData("Pedido 123456 criado")]
    [InlineData("cupom 0001234567 no PDV 03")]
    [InlineData("data 05/01/2026 às 14:30")]
    [InlineData("2026-01-05T14:30:00.000-03:00")]
    [InlineData("total R$ 1.234,56")]
    [InlineData("telefone (11) 98765-4321")]
    [InlineData("Daily close of 2026-11-23 completed in 1532 ms")]
    public void Mask_Should_LeaveShortNumbersAndDatesIntact(string text) =>
        Assert.Equal(text, SensitiveDataMasking.Mask(text));

    // Correlation ids and entity ids are hexadecimal tokens; a run of decimal digits inside one is not a document, and
    // masking it would break the link between a response's X-Correlation-Id and its log lines.
    [Theory]
    [InlineData("4f12345678901a2b3c4d5e6f7a8b9c0d")]
    [InlineData("/lojas/0192f3a4-5b6c-7d8e-9f00-112233445566")]
    [InlineData("abc0123456789012def")]
    public void Mask_Should_LeaveHexadecimalIdsIntact_When_TheyContainALongRunOfDigits(string text) =>
        Assert.Equal(text, SensitiveDataMasking.Mask(text));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Mask_Should_GiveBackEmptyText(string? text) => Assert.Equal(text, SensitiveDataMasking.Mask(text!));
}
