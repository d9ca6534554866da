using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Loyalty.Web.Infrastructure.Persistence;

public static class PersistenceServices
{
    public const string ConnectionName = "Loyalty";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                "No database configured: set ConnectionStrings__Loyalty (./loyalty sets it for its private PostgreSQL).");

        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // The same statements run again and again (the POS purchase above all): prepared once per pooled connection,
            // they are not parsed and planned on every call. Npgsql keeps them across pool returns (its reset then
            // avoids DISCARD ALL, and RESET ALL still clears the tenant setting). A connection string may set its own.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 50;
            }
            ConnectionPools.Size(builder.ConnectionStringBuilder,
                configuration.GetValue("Database:MaxPoolSize", ConnectionPools.DefaultAppPoolSize));
            return builder.Build();
        });
        services.AddScoped<TenantConnectionInterceptor>();
        services.AddScoped<TenantStampInterceptor>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<CacheInvalidationInterceptor>();
        services.AddMemoryCache();
        services.AddSingleton<Tenancy.TenantTimeZones>();
        services.AddSingleton<Tenancy.ITenantCache>(sp => sp.GetRequiredService<Tenancy.TenantTimeZones>());
        services.AddSingleton<Security.ApiKeyCache>();
        services.AddScoped<AuditActor>();
        services.AddScoped<Numbering.DocumentNumbers>();
        // AddDbContext, not pooling: the interceptors are scoped because they read the scope's tenant.
        services.AddDbContext<LoyaltyDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(
                sp.GetRequiredService<TenantConnectionInterceptor>(),
                sp.GetRequiredService<TenantStampInterceptor>(),
                sp.GetRequiredService<AuditInterceptor>(),
                sp.GetRequiredService<CacheInvalidationInterceptor>()));
        return services;
    }
}
