using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loyalty.Testing;

/// <summary>Applies the real migrations (and the job storage schema and grants) to the template, as the owner role.</summary>
internal static class TemplateMigration
{
    public static Task RunAsync(string ownerConnectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LoyaltyOwner"] = ownerConnectionString,
            ["Database:AppRole"] = PostgresServer.AppRole,
        }).Build();
        return new DatabaseMigrator(configuration, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
    }
}
