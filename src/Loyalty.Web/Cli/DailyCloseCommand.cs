using System.Globalization;
using Loyalty.Domain.DailyClose;
using Loyalty.Web.Features.DailyClose;

namespace Loyalty.Web.Cli;

internal static class DailyCloseCommand
{
    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services)
    {
        DateOnly? date = null;
        if (args.Optional("date") is { } text)
        {
            date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new CommandException($"--date '{text}' is not a date in yyyy-MM-dd");
        }
        await using var scope = await TenantLookup.ScopeForAsync(services, args.Required("tenant"), "cli:daily-close");
        var run = await scope.ServiceProvider.GetRequiredService<DailyCloseRunner>()
            .RunAsync(date, DailyCloseTrigger.CommandLine, CancellationToken.None);
        Console.WriteLine(
            $"daily close {run.BusinessDate:yyyy-MM-dd} {run.Status.ToString().ToLowerInvariant()} in {run.DurationMs} ms (attempt {run.Attempts})");
        return run.Status == DailyCloseStatus.Completed ? 0 : 1;
    }
}
