using System.Security.Cryptography;
using System.Text;
using Loyalty.Domain.Common;

namespace Loyalty.Domain.Integration;

/// <summary>
/// A credential for the POS (store key) or for integrations (tenant key). The secret is shown once at creation; only its
/// SHA-256 is kept, which is enough because the secret has 256 bits of entropy (no need for a slow hash).
/// </summary>
public class ApiKey : ITenantOwned, IAudited
{
    public const int NameMaxLength = 80;
    private const string Prefix = "lk_";

    private ApiKey()
    {
        Name = string.Empty;
        SecretHash = string.Empty;
        DisplayPrefix = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>Null for a tenant key; the store the POS belongs to for a store key.</summary>
    public Guid? StoreId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The first characters of the key, so that an admin can tell keys apart without the secret.</summary>
    public string DisplayPrefix { get; private set; }

    public string SecretHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedByUserId { get; private set; }

    public bool IsRevoked => RevokedAt is not null;
    public bool IsStoreKey => StoreId is not null;

    public static (ApiKey Key, string Secret) Issue(string name, Guid? storeId, Guid? createdBy, DateTimeOffset now)
    {
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            StoreId = storeId,
            Name = Guard.Text(name, NameMaxLength, "ApiKey.NameRequired"),
            DisplayPrefix = secret[..(Prefix.Length + 6)],
            SecretHash = Hash(secret),
            CreatedAt = now,
            CreatedByUserId = createdBy,
        };
        return (key, secret);
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim())));

    public void Revoke(Guid? by, DateTimeOffset now)
    {
        if (IsRevoked)
        {
            throw new DomainException("ApiKey.AlreadyRevoked");
        }
        RevokedAt = now;
        RevokedByUserId = by;
    }
}
