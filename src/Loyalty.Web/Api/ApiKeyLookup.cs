using Loyalty.Domain.Integration;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Api;

/// <summary>
/// Finds a key row by the hash of its secret before any tenant is known: the row-level security policy of api_keys
/// shows a row to a connection that presents that row's hash (<c>app.api_key_hash</c>), and nothing else.
/// </summary>
public static class ApiKeyLookup
{
    public static async Task<ApiKey?> FindByHashAsync(LoyaltyDbContext db, string hash, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT set_config('app.api_key_hash', {hash}, false)", cancellationToken);
            // The tenant filter cannot apply yet (no tenant is known); RLS limits what this query can see to this key.
            return await db.ApiKeys.IgnoreQueryFilters([LoyaltyDbContext.TenantFilter]).AsNoTracking()
                .SingleOrDefaultAsync(k => k.SecretHash == hash, cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT set_config('app.api_key_hash', '', false)", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
