using Hangfire.PostgreSql;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loyalty.Web.Infrastructure.Persistence;

/// <summary>
/// Applies the EF migrations and the job storage schema as the owner role, then grants the runtime role what it needs:
/// read/write on the tables, never ownership, never BYPASSRLS, and no UPDATE/DELETE on append-only tables.
/// </summary>
public sealed class DatabaseMigrator(IConfiguration configuration, ILogger<DatabaseMigrator> logger)
{
    public const string OwnerConnectionName = "LoyaltyOwner";
    public const string DefaultAppRole = "loyalty_app";

    /// <summary>Tables whose rows are history: the runtime role may add to them, never change or remove.</summary>
    public static readonly string[] AppendOnlyTables = ["audit_entries", "ledger_entries", "ledger_lot_movements"];

    /// <summary>Held by every migrate (a key of our own, not one a feature uses): `./loyalty` commands started together
    /// each migrate first, and concurrent DDL and GRANTs on the same catalog rows fail with "tuple concurrently updated".</summary>
    public const long SetupLockKey = 0x4C6F79616C7479; // "Loyalty"

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = configuration.GetConnectionString(OwnerConnectionName)
            ?? configuration.GetConnectionString(PersistenceServices.ConnectionName)
            ?? throw new InvalidOperationException("No database configured: set ConnectionStrings__Loyalty.");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Session-level, and released explicitly: a pooled connection is only reset when it is next used, so closing it
        // would leave the lock held in the pool. Waits for the migrate ahead of it up to 10 minutes (not the 30 s default).
        await LockAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            await MigrateLockedAsync(connection, connectionString, cancellationToken);
        }
        finally
        {
            await LockAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private static async Task LockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("key", SetupLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task MigrateLockedAsync(NpgsqlConnection connection, string connectionString, CancellationToken cancellationToken)
    {
        await using (var db = OwnerContext(connectionString))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            logger.LogInformation("Applied {Count} migration(s)", pending.Count);
        }

        PostgreSqlObjectsInstaller.Install(connection, JobsSchema);
        await GrantAsync(connection, configuration["Database:AppRole"] ?? DefaultAppRole, cancellationToken);
    }

    public const string JobsSchema = "hangfire";

    /// <summary>The context migrations run in, as the owner and with no tenant (tests of one migration use it too).</summary>
    public static LoyaltyDbContext OwnerContext(string ownerConnectionString) =>
        new(new DbContextOptionsBuilder<LoyaltyDbContext>()
            .UseNpgsql(ownerConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options, new TenantContext());

    private async Task GrantAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = @r AND rolname <> current_user", connection))
        {
            exists.Parameters.AddWithValue("r", role);
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                logger.LogWarning("Runtime role {Role} does not exist or is the owner; no grants made", role);
                return;
            }
        }
        if (await GrantsInPlaceAsync(connection, role, cancellationToken))
        {
            return; // a GRANT that changes nothing still rewrites every table's catalog row
        }
        var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(role);
        var revokes = string.Join(";", AppendOnlyTables.Select(t => $"REVOKE UPDATE, DELETE, TRUNCATE ON {t} FROM {quoted}"));
        var sql = $"""
            GRANT USAGE ON SCHEMA public, {JobsSchema} TO {quoted};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {JobsSchema} TO {quoted};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {JobsSchema} TO {quoted};
            {revokes};
            """;
        await using var grant = new NpgsqlCommand(sql, connection);
        await grant.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when the role already has exactly what the GRANTs and REVOKEs below would give it.</summary>
    private static async Task<bool> GrantsInPlaceAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT NOT EXISTS (
                SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
                WHERE n.nspname IN ('public', @jobs) AND c.relkind IN ('r', 'p', 'v')
                  AND CASE
                        WHEN n.nspname = 'public' AND c.relname = ANY(@appendOnly) AND p.privilege IN ('UPDATE', 'DELETE', 'TRUNCATE')
                            THEN has_table_privilege(@role, c.oid, p.privilege)
                        WHEN p.privilege = 'TRUNCATE' THEN false
                        ELSE NOT has_table_privilege(@role, c.oid, p.privilege) END)
            AND NOT EXISTS (
                SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                CROSS JOIN unnest(ARRAY['USAGE', 'SELECT', 'UPDATE']) AS p(privilege)
                WHERE n.nspname IN ('public', @jobs) AND c.relkind = 'S'
                  AND (p.privilege <> 'UPDATE' OR n.nspname = @jobs)
                  AND NOT has_sequence_privilege(@role, c.oid, p.privilege))
            AND has_schema_privilege(@role, 'public', 'USAGE') AND has_schema_privilege(@role, @jobs, 'USAGE')
            """;
        await using var check = new NpgsqlCommand(sql, connection);
        check.Parameters.AddWithValue("role", role);
        check.Parameters.AddWithValue("jobs", JobsSchema);
        check.Parameters.AddWithValue("appendOnly", AppendOnlyTables);
        return (bool)(await check.ExecuteScalarAsync(cancellationToken))!;
    }
}
