using Loyalty.Domain.Common;
using Loyalty.Web.Infrastructure;

namespace Loyalty.Web.Cli;

/// <summary>
/// The management commands of SPEC §13, run as `./loyalty &lt;command&gt;` (the script calls `Loyalty.Web &lt;command&gt;`).
/// Scripts depend on the names, options and output: results on stdout, a one-line reason on stderr and a non-zero exit
/// code on failure.
/// </summary>
public static class ManagementCli
{
    private static readonly Dictionary<string, Func<CommandArgs, IServiceProvider, Task<int>>> Commands = new()
    {
        ["migrate"] = MigrateCommand.RunAsync,
        ["seed-demo"] = SeedDemoCommand.RunAsync,
        ["tenant create"] = TenantCreateCommand.RunAsync,
        ["store create"] = StoreCreateCommand.RunAsync,
        ["apikey create"] = ApiKeyCreateCommand.RunAsync,
        ["daily-close"] = DailyCloseCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "worker" || Commands.Keys.Any(k => k.Split(' ')[0] == args[0]));

    public static async Task<int> RunAsync(string[] args)
    {
        // Operators and scripts read the commands' messages in English, whatever the machine's locale.
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        if (args[0] == "worker")
        {
            return await JobWorker.RunAsync(args[1..]);
        }
        var name = Commands.Keys.FirstOrDefault(k => k.Split(' ') is var words && args.Take(words.Length).SequenceEqual(words));
        if (name is null)
        {
            return Fail($"unknown command '{string.Join(' ', args.Take(2))}'; commands: {string.Join(", ", Commands.Keys)}");
        }
        try
        {
            var options = CommandArgs.Parse(args[name.Split(' ').Length..]);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = [],
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.AddLoyalty(commandLine: true);
            await using var app = builder.Build();
            return await Commands[name](options, app.Services);
        }
        catch (CommandException ex)
        {
            return Fail(ex.Message);
        }
        catch (DomainException ex)
        {
            return Fail(CliMessages.For(ex.Code));
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // LOYALTY_TRACE=1 shows the whole exception when the one-line reason is not enough to act on.
            if (Environment.GetEnvironmentVariable("LOYALTY_TRACE") == "1")
            {
                Console.Error.WriteLine(ex);
            }
            return Fail(ex.Message.ReplaceLineEndings(" "));
        }
    }

    private static int Fail(string reason)
    {
        Console.Error.WriteLine($"error: {reason}");
        return 1;
    }
}

public sealed class CommandException(string message) : Exception(message);
