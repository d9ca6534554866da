using Loyalty.Web.Features.Tenants;
using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Cli;

internal static class TenantCreateCommand
{
    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services)
    {
        var command = new CreateTenant.Command
        {
            Code = args.Required("code"),
            Name = args.Required("name"),
            AdminEmail = args.Required("admin-email"),
            AdminPassword = args.Required("admin-password"),
            AdminName = args.Optional("admin-name") ?? args.Required("admin-email"),
            TimeZoneId = args.Optional("timezone") ?? Domain.Tenancy.Tenant.DefaultTimeZone,
        };
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().UseSystemActor("cli:tenant-create");
        var result = await scope.ServiceProvider.GetRequiredService<CreateTenant.Handler>().HandleAsync(command, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new CommandException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }
        Console.WriteLine($"tenant {command.Code.Trim().ToLowerInvariant()} created with admin {command.AdminEmail}");
        return 0;
    }
}
