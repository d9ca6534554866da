using Loyalty.Testing;
using Npgsql;

namespace Loyalty.IntegrationTests.Support;

/// <summary>Hand-written SQL against a test database, as the runtime role (what the app is) or as the superuser (setup
/// and catalog reads only).</summary>
public static class Sql
{
    /// <summary>A connection as the app role; with a tenant, app.tenant_id is set the way the app sets it.</summary>
    public static async Task<NpgsqlConnection> OpenAsAppAsync(TestDatabase database, Guid? tenantId = null)
    {
        var connection = new NpgsqlConnection(database.AppConnectionString);
        await connection.OpenAsync();
        if (tenantId is { } id)
        {
            await ExecuteAsync(connection, $"SELECT set_config('app.tenant_id', '{id}', false)");
        }
        return connection;
    }

    public static async Task<NpgsqlConnection> OpenAsSuperUserAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.SuperUserConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<T>> ColumnAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }
}
