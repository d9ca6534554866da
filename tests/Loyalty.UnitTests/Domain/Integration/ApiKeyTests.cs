using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Loyalty.Domain.Common;
using Loyalty.Domain.Integration;

namespace Loyalty.UnitTests.Domain.Integration;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Admin = Guid.NewGuid();

    [Fact]
    public void Issue_Should_GiveASecretOfPrefixLkAnd64LowerHexCharacters()
    {
        var (_, secret) = ApiKey.Issue("PDV 01", null, Admin, Now);

        Assert.Matches(new Regex("^lk_[0-9a-f]{64}$"), secret);
    }

    [Fact]
    public void Issue_Should_StoreOnlyTheSha256HexOfTheSecret()
    {
        var (key, secret) = ApiKey.Issue("PDV 01", null, Admin, Now);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        Assert.Equal(expected, key.SecretHash);
        Assert.DoesNotContain(secret[3..], key.SecretHash, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue_Should_ShowADisplayPrefixThatStartsTheSecretButIsShorter()
    {
        var (key, secret) = ApiKey.Issue("PDV 01", null, Admin, Now);

        Assert.StartsWith("lk_", key.DisplayPrefix, StringComparison.Ordinal);
        Assert.StartsWith(key.DisplayPrefix, secret, StringComparison.Ordinal);
        Assert.True(key.DisplayPrefix.Length < secret.Length / 2, $"prefix '{key.DisplayPrefix}' reveals too much");
    }

    [Fact]
    public void Issue_Should_GiveADifferentSecret_When_CalledTwice()
    {
        var first = ApiKey.Issue("PDV 01", null, Admin, Now);
        var second = ApiKey.Issue("PDV 01", null, Admin, Now);

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.NotEqual(first.Key.SecretHash, second.Key.SecretHash);
        Assert.NotEqual(first.Key.Id, second.Key.Id);
    }

    [Fact]
    public void Issue_Should_MakeAStoreKey_When_AStoreIsGiven()
    {
        var storeId = Guid.NewGuid();

        var (key, _) = ApiKey.Issue("PDV 01", storeId, Admin, Now);

        Assert.True(key.IsStoreKey);
        Assert.Equal(storeId, key.StoreId);
    }

    [Fact]
    public void Issue_Should_MakeATenantKey_When_NoStoreIsGiven()
    {
        var (key, _) = ApiKey.Issue("E-commerce", null, Admin, Now);

        Assert.False(key.IsStoreKey);
        Assert.Null(key.StoreId);
        Assert.False(key.IsRevoked);
        Assert.Equal(Now, key.CreatedAt);
        Assert.Equal(Admin, key.CreatedByUserId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Issue_Should_Refuse_When_NameIsBlank(string name)
    {
        var error = Assert.Throws<DomainException>(() => ApiKey.Issue(name, null, Admin, Now));

        Assert.Equal("ApiKey.NameRequired", error.Code);
    }

    [Fact]
    public void Issue_Should_Refuse_When_NameIsLongerThanTheMaximum()
    {
        var error = Assert.Throws<DomainException>(() => ApiKey.Issue(new string('k', ApiKey.NameMaxLength + 1), null, Admin, Now));

        Assert.Equal("ApiKey.NameRequired", error.Code);
    }

    [Fact]
    public void Hash_Should_MatchTheStoredHash_When_TheCallerSendsTheSecretWithSurroundingSpaces()
    {
        var (key, secret) = ApiKey.Issue("PDV 01", null, Admin, Now);

        Assert.Equal(key.SecretHash, ApiKey.Hash($"  {secret}\n"));
    }

    [Fact]
    public void Hash_Should_Differ_When_OneCharacterOfTheSecretDiffers()
    {
        var (key, secret) = ApiKey.Issue("PDV 01", null, Admin, Now);
        var altered = secret[..^1] + (secret[^1] == '0' ? '1' : '0');

        Assert.NotEqual(key.SecretHash, ApiKey.Hash(altered));
    }

    [Fact]
    public void Revoke_Should_RecordWhenAndByWhom()
    {
        var (key, _) = ApiKey.Issue("PDV 01", null, Admin, Now);
        var revoker = Guid.NewGuid();

        key.Revoke(revoker, Now.AddHours(1));

        Assert.True(key.IsRevoked);
        Assert.Equal(Now.AddHours(1), key.RevokedAt);
        Assert.Equal(revoker, key.RevokedByUserId);
    }

    [Fact]
    public void Revoke_Should_Refuse_When_KeyIsAlreadyRevoked_And_KeepTheFirstRevocation()
    {
        var (key, _) = ApiKey.Issue("PDV 01", null, Admin, Now);
        key.Revoke(Admin, Now.AddHours(1));

        var error = Assert.Throws<DomainException>(() => key.Revoke(Guid.NewGuid(), Now.AddHours(2)));

        Assert.Equal("ApiKey.AlreadyRevoked", error.Code);
        Assert.Equal(Now.AddHours(1), key.RevokedAt);
        Assert.Equal(Admin, key.RevokedByUserId);
    }
}
