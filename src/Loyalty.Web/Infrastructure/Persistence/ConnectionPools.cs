using Npgsql;

namespace Loyalty.Web.Infrastructure.Persistence;

/// <summary>
/// Each process has two pools: the app's (EF and hand-written SQL) and Hangfire's. Npgsql's default of 100 each let one
/// web process alone ask for more than PostgreSQL's default max_connections (100), so a burst failed with 53300. The
/// pools of every process together must stay below the server's max_connections minus its superuser reserve; the
/// budget for the private cluster (max_connections 150) is in docs/operations.md ("Connections").
/// </summary>
public static class ConnectionPools
{
    /// <summary>The app's pool: the POS purchase holds a connection ~1 ms, so 50 serve far more than two cores can.</summary>
    public const int DefaultAppPoolSize = 50;

    /// <summary>Hangfire's pool: one connection per worker fetching, plus heartbeat, schedulers and the dashboard.</summary>
    public const int DefaultJobsPoolSize = 10;

    private static readonly int NpgsqlDefault = new NpgsqlConnectionStringBuilder().MaxPoolSize;

    /// <summary>Sets the pool size unless the connection string chose its own (anything but Npgsql's default).</summary>
    public static void Size(NpgsqlConnectionStringBuilder connection, int maxPoolSize)
    {
        if (connection.MaxPoolSize == NpgsqlDefault)
        {
            connection.MaxPoolSize = maxPoolSize;
        }
    }
}
