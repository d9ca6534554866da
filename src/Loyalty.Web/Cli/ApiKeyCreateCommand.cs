using Loyalty.Domain.Tenancy;
using Loyalty.Web.Features.ApiKeys;
using Loyalty.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Loyalty.Web.Cli;

internal static class ApiKeyCreateCommand
{
    /// <summary>Prints the key alone on the last line, so scripts can take it with `tail -n 1`.</summary>
    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services)
    {
        await using var scope = await TenantLookup.ScopeForAsync(services, args.Required("tenant"), "cli:apikey-create");
        Guid? storeId = null;
        if (args.Optional("store") is { } storeCode)
        {
            var code = Store.IsValidCode(storeCode) ? Store.NormalizeCode(storeCode) : storeCode;
            var db = scope.ServiceProvider.GetRequiredService<LoyaltyDbContext>();
            storeId = await db.Stores.Where(s => s.Code == code).Select(s => (Guid?)s.Id).SingleOrDefaultAsync()
                ?? throw new CommandException($"store '{storeCode}' not found in tenant");
        }
        var command = new CreateApiKey.Command { Name = args.Required("name"), StoreId = storeId };
        var result = await scope.ServiceProvider.GetRequiredService<CreateApiKey.Handler>().HandleAsync(command, null, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new CommandException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
        Console.WriteLine(storeId is null ? "tenant key created; it is shown once:" : "store key created; it is shown once:");
        Console.WriteLine(result.Value!.Secret);
        return 0;
    }
}
