using Loyalty.Domain.Integration;
using Loyalty.IntegrationTests.Support;
using Loyalty.Testing;
using Npgsql;

namespace Loyalty.IntegrationTests.Tenancy;

/// <summary>The second wall: PostgreSQL itself refuses other tenants' rows to the runtime role, whatever the SQL.</summary>
public sealed class RowLevelSecurityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private LoyaltyAppFactory App => fixture.App;

    [Fact]
    public async Task Every_Table_With_A_Tenant_Id_Should_Have_Forced_Row_Level_Security_And_A_Policy()
    {
        await using var connection = await Sql.OpenAsSuperUserAsync(App.Database);

        var tenantTables = await Sql.ColumnAsync<string>(connection, """
            SELECT c.relname FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            ORDER BY 1
            """);
        var unprotected = await Sql.ColumnAsync<string>(connection, """
            SELECT c.relname FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity
                   OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
            ORDER BY 1
            """);

        // The tables of the foundation are all there, so an empty "unprotected" list is not the result of a broken query.
        Assert.Superset(new HashSet<string> { "stores", "staff_users", "staff_user_stores", "api_keys", "daily_close_runs", "audit_entries" },
            tenantTables.ToHashSet());
        Assert.Empty(unprotected);
    }

    [Fact]
    public async Task App_Role_Should_Be_Neither_Superuser_Nor_Able_To_Bypass_Row_Level_Security()
    {
        await using var connection = await Sql.OpenAsAppAsync(App.Database);
        await using var command = new NpgsqlCommand(
            "SELECT current_user::text, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal(PostgresServer.AppRole, reader.GetString(0));
        Assert.False(reader.GetBoolean(1));
        Assert.False(reader.GetBoolean(2));
    }

    [Fact]
    public async Task Raw_Query_Should_See_No_Store_When_No_Tenant_Is_Set()
    {
        var t = await App.CreateTenantAsync("rls-a");
        await App.CreateStoreAsync(t.Id, "A01");
        await using var asOwner = await Sql.OpenAsSuperUserAsync(App.Database);
        await using var asApp = await Sql.OpenAsAppAsync(App.Database);

        Assert.True(await Sql.ScalarAsync<long>(asOwner, "SELECT count(*) FROM stores") > 0);
        Assert.Equal(0L, await Sql.ScalarAsync<long>(asApp, "SELECT count(*) FROM stores"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(asApp, "SELECT count(*) FROM staff_user_stores"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(asApp, "SELECT count(*) FROM api_keys"));
    }

    [Fact]
    public async Task Raw_Query_Should_See_Only_The_Rows_Of_The_Tenant_Set_On_The_Connection()
    {
        var a = await App.CreateTenantAsync("rls-b");
        var b = await App.CreateTenantAsync("rls-c");
        await App.CreateStoreAsync(a.Id, "B01");
        await App.CreateStoreAsync(a.Id, "B02");
        await App.CreateStoreAsync(b.Id, "C01");
        await using var connection = await Sql.OpenAsAppAsync(App.Database, a.Id);

        var visible = await Sql.ColumnAsync<Guid>(connection, "SELECT tenant_id FROM stores");
        var admins = await Sql.ColumnAsync<string>(connection, "SELECT email FROM staff_users");

        Assert.Equal(2, visible.Count);
        Assert.All(visible, tenantId => Assert.Equal(a.Id, tenantId));
        Assert.Equal([a.AdminEmail], admins);
    }

    [Fact]
    public async Task Raw_Insert_Should_Be_Refused_When_The_Row_Belongs_To_Another_Tenant()
    {
        var a = await App.CreateTenantAsync("rls-d");
        var b = await App.CreateTenantAsync("rls-e");
        await using var connection = await Sql.OpenAsAppAsync(App.Database, a.Id);

        var error = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(connection, $"""
            INSERT INTO stores (id, tenant_id, code, name, is_active, created_at)
            VALUES ('{Guid.NewGuid()}', '{b.Id}', 'X01', 'Intrusa', true, now())
            """));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Api_Key_Lookup_Should_Reveal_Exactly_The_Key_Whose_Hash_Is_Presented()
    {
        var a = await App.CreateTenantAsync("rls-f");
        var b = await App.CreateTenantAsync("rls-g");
        var secret = await App.CreateApiKeyAsync(a.Id, null, "procurada");
        await App.CreateApiKeyAsync(a.Id, null, "outra de A");
        await App.CreateApiKeyAsync(b.Id, null, "de B");
        await using var connection = await Sql.OpenAsAppAsync(App.Database);

        var withoutHash = await Sql.ColumnAsync<string>(connection, "SELECT name FROM api_keys");
        await using (var set = new NpgsqlCommand("SELECT set_config('app.api_key_hash', @h, false)", connection))
        {
            set.Parameters.AddWithValue("h", ApiKey.Hash(secret));
            await set.ExecuteNonQueryAsync();
        }
        var withHash = await Sql.ColumnAsync<string>(connection, "SELECT name FROM api_keys");
        var changed = await Sql.ExecuteAsync(connection, "UPDATE api_keys SET name = 'alterada'");

        Assert.Empty(withoutHash);
        Assert.Equal(["procurada"], withHash);
        Assert.Equal(0, changed); // the lookup policy is for reading only

    }
}
