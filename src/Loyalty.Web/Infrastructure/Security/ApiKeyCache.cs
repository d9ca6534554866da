using Microsoft.Extensions.Caching.Memory;

namespace Loyalty.Web.Infrastructure.Security;

/// <summary>
/// Known API keys by the SHA-256 of their secret, so a POS call does not open a connection to find its key. A revocation
/// saved on this server evicts the key at once (<see cref="Persistence.Interceptors.CacheInvalidationInterceptor"/>);
/// another server keeps a key it had read for at most <see cref="Lifetime"/>. Unknown hashes are never cached: only keys
/// that exist take room, so guessing keys cannot fill the memory.
/// </summary>
public sealed class ApiKeyCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>What authentication needs of a key row.</summary>
    public sealed record Key(Guid Id, Guid TenantId, Guid? StoreId, string Name, bool IsRevoked);

    public Key? Find(string hash) => cache.TryGetValue(CacheKey(hash), out Key? key) ? key : null;

    public void Remember(string hash, Key key) => cache.Set(CacheKey(hash), key, Lifetime);

    public void Evict(string hash) => cache.Remove(CacheKey(hash));

    private static (string, string) CacheKey(string hash) => ("api-key", hash);
}
