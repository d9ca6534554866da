using System.Diagnostics;
using System.Globalization;

namespace Loyalty.Bench.Purchases;

/// <summary>
/// CPU time spent by the benchmark's PostgreSQL (its postmaster and every backend, those that ended included) and by a
/// process of our own. Divided by the purchases of a run it gives the CPU each purchase costs, a figure that holds
/// better than req/s when something else loads the machine.
/// </summary>
internal static class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>The postmaster of the throwaway cluster this process started (its folder names this process's id).</summary>
    public static int? FindPostmaster()
    {
        var marker = $"/loyalty-pg-{Environment.ProcessId}-";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(marker, StringComparison.Ordinal) && commandLine.Contains("/bin/postgres", StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return null;
    }

    /// <summary>The cluster's CPU so far: the postmaster's own and its ended children's, plus each live backend's.</summary>
    public static TimeSpan Database(int postmaster)
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command name in parentheses: state ppid ... utime(14) stime(15) cutime(16) cstime(17).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                        + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                }
                else if (parent == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
            }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static TimeSpan Process(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public static string PerPurchase(TimeSpan cpu, int purchases) =>
        purchases == 0 ? "n/a" : (cpu.TotalMicroseconds / purchases).ToString("N0", CultureInfo.InvariantCulture) + " µs";
}
