using Loyalty.Web.Features.Demo;

namespace Loyalty.Web.Cli;

internal static class SeedDemoCommand
{
    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services)
    {
        var logins = await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        Console.WriteLine("demo tenant 'demo' ready; sign in with:");
        foreach (var login in logins)
        {
            Console.WriteLine($"  {login.Role,-14} company: {login.TenantCode,-6} e-mail: {login.Email,-26} password: {login.Password}");
        }
        return 0;
    }
}
