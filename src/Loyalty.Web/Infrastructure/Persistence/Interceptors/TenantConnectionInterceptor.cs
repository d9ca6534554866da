using System.Data.Common;
using Loyalty.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Loyalty.Web.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Tells PostgreSQL which tenant this connection works for, so the row-level security policies (the second wall behind
/// the EF query filters) apply. Npgsql resets the setting when the connection returns to the pool.
/// </summary>
public sealed class TenantConnectionInterceptor(TenantContext tenant) : DbConnectionInterceptor
{
    public const string Setting = "app.tenant_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand CreateCommand(DbConnection connection) => ForTenant((NpgsqlConnection)connection, tenant.TenantId);

    public static NpgsqlCommand ForTenant(NpgsqlConnection connection, Guid? tenantId)
    {
        var command = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false)", connection);
        command.Parameters.AddWithValue("t", tenantId?.ToString() ?? string.Empty);
        return command;
    }

    /// <summary>The same setting as the first statement of a caller's own batch (the POS purchase), which saves the round
    /// trip of setting it on open. It answers one row, the batch's first result.</summary>
    public static NpgsqlBatchCommand ForTenant(Guid tenantId) =>
        new("SELECT set_config('app.tenant_id', $1, false)") { Parameters = { new NpgsqlParameter<string> { TypedValue = tenantId.ToString() } } };
}
