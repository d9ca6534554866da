using System.Diagnostics;
using Loyalty.Testing;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Loyalty.IntegrationTests.Operations;

/// <summary>Four `./loyalty` commands started at once each set up the roles and database, then migrate: all must succeed
/// (it failed with "tuple concurrently updated" when two ALTER ROLEs or GRANTs met).</summary>
public sealed class ParallelSetupTests
{
    private const int Parallel = 4;

    [Fact]
    public async Task Migrate_Should_Succeed_When_Run_Four_Times_In_Parallel_And_Grant_The_Runtime_Role()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        var role = $"loyalty_app_par{Environment.ProcessId}";
        await server.ExecuteAsync("postgres", $"CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LoyaltyOwner"] = database.OwnerConnectionString,
            ["Database:AppRole"] = role,
        }).Build();

        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            Task.Run(() => new DatabaseMigrator(configuration, NullLogger<DatabaseMigrator>.Instance).MigrateAsync())));

        await using var connection = new NpgsqlConnection(database.SuperUserConnectionString);
        await connection.OpenAsync();
        await using var check = new NpgsqlCommand(
            $"SELECT has_table_privilege('{role}', 'customers', 'UPDATE'), has_table_privilege('{role}', 'audit_entries', 'UPDATE')", connection);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((true, false), (reader.GetBoolean(0), reader.GetBoolean(1)));
    }

    [Fact]
    public async Task Bootstrap_Of_The_Script_Should_Succeed_When_Run_Four_Times_In_Parallel()
    {
        var server = await PostgresServer.GetAsync();
        var super = new NpgsqlConnectionStringBuilder(server.SuperUserConnectionString("postgres"));
        var suffix = $"b{Environment.ProcessId}";
        var state = Directory.CreateTempSubdirectory("loyalty-bootstrap-").FullName;
        // The script's own pg_bootstrap, with psql_admin pointed at the test server instead of the private cluster.
        var script = $$"""
            source "{{RepositoryRoot()}}/loyalty"
            STATE='{{state}}' OWNER_ROLE='owner_{{suffix}}' APP_ROLE='app_{{suffix}}' DB_NAME='db_{{suffix}}'
            psql_admin() { "$(pg_bin_dir)/psql" -X -q -v ON_ERROR_STOP=1 -h '{{super.Host}}' -p '{{super.Port}}' -U '{{super.Username}}' -d postgres "$@"; }
            pg_bootstrap
            """;

        var results = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => RunBashAsync(script, super.Password)));

        Assert.All(results, r => Assert.True(r.Exit == 0, r.Error));
        await using var connection = new NpgsqlConnection(server.SuperUserConnectionString("postgres"));
        await connection.OpenAsync();
        await using var check = new NpgsqlCommand(
            $"SELECT (SELECT count(*) FROM pg_roles WHERE rolname IN ('owner_{suffix}', 'app_{suffix}' ) AND rolcanlogin), " +
            $"(SELECT count(*) FROM pg_database WHERE datname = 'db_{suffix}')", connection);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((2L, 1L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    private static async Task<(int Exit, string Error)> RunBashAsync(string script, string? password)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await error);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Loyalty.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Loyalty.sln not found above the test binaries.");
    }
}
