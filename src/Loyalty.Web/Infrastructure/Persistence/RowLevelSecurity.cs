using Microsoft.EntityFrameworkCore.Migrations;

namespace Loyalty.Web.Infrastructure.Persistence;

/// <summary>
/// The second wall of tenant isolation, written by the migrations: every table with a tenant_id gets a forced policy
/// that shows and accepts only the rows of the tenant set on the connection (app.tenant_id). NULLIF is needed because a
/// pooled connection whose setting was reset reads '' and ''::uuid is an error; an unset tenant matches no row.
/// </summary>
public static class RowLevelSecurity
{
    public const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

    public static void EnableTenantIsolation(this MigrationBuilder migration, string table) =>
        migration.Sql($"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON {table}
                USING (tenant_id = {CurrentTenant})
                WITH CHECK (tenant_id = {CurrentTenant});
            """);

    /// <summary>Staff users: PlatformAdmins have no tenant and are exactly what a connection without tenant sees.</summary>
    public static void EnableStaffIsolation(this MigrationBuilder migration, string table) =>
        migration.Sql($"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON {table}
                USING (tenant_id IS NOT DISTINCT FROM {CurrentTenant})
                WITH CHECK (tenant_id IS NOT DISTINCT FROM {CurrentTenant});
            """);

    /// <summary>
    /// API keys are looked up before the tenant is known: a connection that presents a key's hash (app.api_key_hash)
    /// may read that one row, and only read it.
    /// </summary>
    public static void EnableApiKeyLookup(this MigrationBuilder migration, string table) =>
        migration.Sql($"""
            CREATE POLICY api_key_lookup ON {table} FOR SELECT
                USING (secret_hash = NULLIF(current_setting('app.api_key_hash', true), ''));
            """);

    public static void DisableTenantIsolation(this MigrationBuilder migration, string table) =>
        migration.Sql($"""
            DROP POLICY IF EXISTS tenant_isolation ON {table};
            DROP POLICY IF EXISTS api_key_lookup ON {table};
            ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
            ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
            """);
}
