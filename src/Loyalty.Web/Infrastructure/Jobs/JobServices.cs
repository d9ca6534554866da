using Hangfire;
using Hangfire.PostgreSql;
using Loyalty.Web.Infrastructure.Persistence;
using Npgsql;

namespace Loyalty.Web.Infrastructure.Jobs;

public static class JobServices
{
    /// <summary>Registers Hangfire on the application's PostgreSQL. The schema is installed by `./loyalty migrate`
    /// (as the owner), so the runtime role never needs DDL rights.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, bool runServer)
    {
        // A pool of its own (Hangfire opens connections by string, not through the app's data source), sized apart.
        var connection = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(PersistenceServices.ConnectionName)!);
        ConnectionPools.Size(connection, configuration.GetValue("Jobs:MaxPoolSize", ConnectionPools.DefaultJobsPoolSize));
        var connectionString = connection.ConnectionString;
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = DatabaseMigrator.JobsSchema,
                PrepareSchemaIfNecessary = false,
                // Sliding invisibility: a long job keeps extending its lease, so a second server never picks it up.
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
                UseSlidingInvisibilityTimeout = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
            }));
        if (runServer)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = configuration.GetValue("Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
        return services;
    }
}
