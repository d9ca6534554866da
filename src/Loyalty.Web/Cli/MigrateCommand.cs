using Loyalty.Web.Infrastructure.Persistence;

namespace Loyalty.Web.Cli;

internal static class MigrateCommand
{
    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        Console.WriteLine("database migrated");
        return 0;
    }
}
