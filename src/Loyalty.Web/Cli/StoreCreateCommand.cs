using Loyalty.Web.Features.Stores;

namespace Loyalty.Web.Cli;

internal static class StoreCreateCommand
{
    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services)
    {
        await using var scope = await TenantLookup.ScopeForAsync(services, args.Required("tenant"), "cli:store-create");
        var command = new CreateStore.Command { Code = args.Required("code"), Name = args.Required("name") };
        var result = await scope.ServiceProvider.GetRequiredService<CreateStore.Handler>().HandleAsync(command, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new CommandException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
        Console.WriteLine($"store {command.Code.Trim().ToUpperInvariant()} created ({result.Value})");
        return 0;
    }
}
