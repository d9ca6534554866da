using System.Diagnostics;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Loyalty.Testing;

/// <summary>
/// One PostgreSQL server for the whole test process: Testcontainers where a Docker engine answers, otherwise a
/// throwaway cluster from the machine's PostgreSQL binaries that is removed when the process exits. It holds a
/// migrated template database; each test class gets its own copy (CREATE DATABASE … TEMPLATE), which takes milliseconds.
/// Roles are those of production: the owner migrates, the app connects as a NOSUPERUSER NOBYPASSRLS role.
/// </summary>
public sealed class PostgresServer
{
    public const string OwnerRole = "loyalty_owner";
    public const string AppRole = "loyalty_app";
    private const string Template = "loyalty_template";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static int _databaseCounter;

    private readonly string _host;
    private readonly int _port;
    private readonly string _superUser;
    private readonly string? _superPassword;

    private PostgresServer(string host, int port, string superUser, string? superPassword)
    {
        _host = host;
        _port = port;
        _superUser = superUser;
        _superPassword = superPassword;
    }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionString(string database, string user) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = _host, Port = _port, Database = database, Username = user,
            Password = user == _superUser ? _superPassword : "test", Pooling = true, MaxPoolSize = 50,
        }.ConnectionString;

    /// <summary>The superuser's connection: for setup and for reading the catalogs, never for tests of isolation.</summary>
    public string SuperUserConnectionString(string database) => ConnectionString(database, _superUser);

    /// <summary>A fresh, migrated database for one test class.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = NewDatabaseName();
        await ExecuteAsync("postgres", $"CREATE DATABASE {name} TEMPLATE {Template} OWNER {OwnerRole}");
        return new TestDatabase(this, name);
    }

    /// <summary>An empty database of the owner, not migrated: for tests of a migration itself.</summary>
    public async Task<TestDatabase> CreateEmptyDatabaseAsync()
    {
        var name = NewDatabaseName();
        await ExecuteAsync("postgres", $"CREATE DATABASE {name} OWNER {OwnerRole}");
        return new TestDatabase(this, name);
    }

    private static string NewDatabaseName() => $"loyalty_t{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";

    /// <summary>Runs SQL as the superuser (setup only; tests of isolation must use the app role).</summary>
    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database, _superUser));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await TryContainerAsync() ?? await LocalCluster.StartAsync();
        await server.ExecuteAsync("postgres",
            $"CREATE ROLE {OwnerRole} LOGIN PASSWORD 'test' NOSUPERUSER; CREATE ROLE {AppRole} LOGIN PASSWORD 'test' NOSUPERUSER NOBYPASSRLS");
        await server.ExecuteAsync("postgres", $"CREATE DATABASE {Template} OWNER {OwnerRole}");
        await TemplateMigration.RunAsync(server.ConnectionString(Template, OwnerRole));
        NpgsqlConnection.ClearAllPools();
        return server;
    }

    private static async Task<PostgresServer?> TryContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            var builder = new NpgsqlConnectionStringBuilder(container.GetConnectionString());
            return new PostgresServer(builder.Host!, builder.Port, builder.Username!, builder.Password);
        }
        catch (Exception ex) when (ex is DotNet.Testcontainers.Builders.DockerUnavailableException or InvalidOperationException
                                       or ArgumentException or HttpRequestException or TimeoutException)
        {
            return null;
        }
    }

    private static class LocalCluster
    {
        public static async Task<PostgresServer> StartAsync()
        {
            var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending()
                .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
                ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql (./loyalty test installs them).");
            // Not Directory.CreateTempSubdirectory: it makes a 0700 root folder the postgres user cannot enter.
            var dir = Path.Combine(Path.GetTempPath(), $"loyalty-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
            Directory.CreateDirectory(dir);
            var port = FreePort();
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                await RunAsync("chown", $"postgres:postgres {dir}");
            }
            await RunPgAsync(asRoot, Path.Combine(bin, "initdb"),
                $"-D {dir}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
            // LOYALTY_PG_OPTIONS adds server settings for an investigation, e.g. "-c shared_preload_libraries=pg_stat_statements".
            var extra = Environment.GetEnvironmentVariable("LOYALTY_PG_OPTIONS") is { Length: > 0 } options ? " " + options : "";
            await RunPgAsync(asRoot, Path.Combine(bin, "pg_ctl"),
                $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300{extra}\" start");
            RemoveWhenThisProcessEnds(asRoot, Path.Combine(bin, "pg_ctl"), dir);
            return new PostgresServer("127.0.0.1", port, "postgres", null);
        }

        /// <summary>
        /// vstest kills the test host about 100 ms after the last test, before a ProcessExit handler can stop the cluster
        /// and delete its folder (a few hundred MB per run were left in /tmp). A detached watcher, outside this process
        /// tree, does both once this process is gone, however it ended.
        /// </summary>
        private static void RemoveWhenThisProcessEnds(bool asRoot, string pgCtl, string dir)
        {
            var stop = asRoot ? $"runuser -u postgres -- {pgCtl}" : pgCtl;
            var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; "
                         + $"{stop} -D {dir}/data -m immediate stop; rm -rf {dir}";
            using var watcher = Process.Start(new ProcessStartInfo("setsid", ["--fork", "sh", "-c", script])
            {
                UseShellExecute = false,
                WorkingDirectory = "/tmp",
            })!;
            watcher.WaitForExit();
        }

        private static int FreePort()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static Task RunPgAsync(bool asRoot, string binary, string arguments) =>
            asRoot ? RunAsync("runuser", $"-u postgres -- {binary} {arguments}") : RunAsync(binary, arguments);

        private static async Task RunAsync(string file, string arguments)
        {
            var info = new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = "/tmp", // runuser's postgres must be able to enter the working directory
            };
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {arguments} failed: {await stderr}");
            }
        }
    }
}

public sealed record TestDatabase(PostgresServer Server, string Name)
{
    public string AppConnectionString => Server.ConnectionString(Name, PostgresServer.AppRole);
    public string OwnerConnectionString => Server.ConnectionString(Name, PostgresServer.OwnerRole);
    public string SuperUserConnectionString => Server.SuperUserConnectionString(Name);
}
