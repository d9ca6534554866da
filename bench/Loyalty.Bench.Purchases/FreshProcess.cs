using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Loyalty.Bench.Purchases;

/// <summary>
/// A deploy in the morning rush: the published app started as its own process on the benchmark's database, load sent
/// the moment <c>/health</c> answers 200 (as a load balancer would), the first minute measured in 10-second slices and
/// then one more warm slice of the same process to compare with.
/// </summary>
internal sealed class FreshProcess : IAsyncDisposable
{
    private readonly Process _process;

    private FreshProcess(Process process, Uri baseAddress, TimeSpan untilHealthy)
    {
        _process = process;
        BaseAddress = baseAddress;
        UntilHealthy = untilHealthy;
    }

    public Uri BaseAddress { get; }

    public Process Process => _process;

    /// <summary>From the process start to the first 200 of /health.</summary>
    public TimeSpan UntilHealthy { get; }

    public static async Task<FreshProcess> StartAsync(string appDll, string appConnectionString, string ownerConnectionString)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["ConnectionStrings__Loyalty"] = appConnectionString;
        environment["ConnectionStrings__LoyaltyOwner"] = ownerConnectionString;
        // A single-process deploy runs the job server too, and /health waits for its heartbeat.
        environment["Jobs__RunServer"] = "true";
        environment["RateLimits__ApiPerSecond"] = "100000000";
        environment["Serilog__MinimumLevel__Default"] = "Warning";
        environment["Logging__Directory"] = Path.Combine(Path.GetTempPath(), "loyalty-bench-logs");
        environment["DataProtection__KeyFile"] = Path.Combine(Path.GetTempPath(), "loyalty-bench", "data-protection.key");
        environment["DataProtection__CreateKeyFileIfMissing"] = "true";
        environment["Security__SecureCookies"] = "false";

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {appDll}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  app: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {process.ExitCode} before it was healthy");
            }
            try
            {
                using var response = await probe.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new FreshProcess(process, baseAddress, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }
            await Task.Delay(50);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the app was not healthy within 3 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public static string Describe(IReadOnlyList<RunResult> slices) =>
        string.Join(" / ", slices.Select(s => s.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)));
}
