using Loyalty.Web.Features.Shared;

namespace Loyalty.UnitTests.Web.Shared;

public sealed class EmailRuleTests
{
    [Theory]
    [InlineData("maria@exemplo.com.br")]
    [InlineData("joao.silva+fidelidade@posto.com")]
    [InlineData(" ana@x.io ")]
    public void Should_Accept_Ordinary_Addresses(string email) => Assert.True(EmailRule.IsValid(email));

    [Theory]
    [InlineData("a@b")]
    [InlineData("jo ao@x.com")]
    [InlineData("bia@@exemplo.com")]
    [InlineData("bia@exemplo.")]
    [InlineData("bia@.com")]
    [InlineData("sem-arroba.com")]
    [InlineData("")]
    public void Should_Refuse_Typical_Counter_Mistakes(string email) => Assert.False(EmailRule.IsValid(email));
}
