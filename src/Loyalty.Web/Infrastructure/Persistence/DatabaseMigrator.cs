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

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = configuration.GetConnectionString(OwnerConnectionName)
            ?? configuration.GetConnectionString(PersistenceServices.ConnectionName)
            ?? throw new InvalidOperationException("No database configured: set ConnectionStrings__Loyalty.");

        var options = new DbContextOptionsBuilder<LoyaltyDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using (var db = new LoyaltyDbContext(options, new TenantContext()))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Applied {Count} migration(s)", pending.Count);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        PostgreSqlObjectsInstaller.Install(connection, JobsSchema);
        await GrantAsync(connection, configuration["Database:AppRole"] ?? DefaultAppRole, cancellationToken);
    }

    public const string JobsSchema = "hangfire";

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
}
