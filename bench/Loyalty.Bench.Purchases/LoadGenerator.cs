using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Loyalty.Bench.Purchases;

/// <summary>
/// Closed-loop load: <c>clients</c> concurrent POS loops over one HttpClient (SocketsHttpHandler, one connection per
/// loop), each posting a purchase of a random card with a unique coupon number, the next one as soon as the answer is in.
/// Bodies are serialised up front (one template per card); only the coupon number is spliced in per request.
/// </summary>
internal sealed class LoadGenerator : IDisposable
{
    private const string CouponPlaceholder = "__COUPON__";
    private readonly HttpClient _client;
    private readonly (byte[] Head, byte[] Tail)[] _templates;
    private readonly string _apiKey;
    private readonly int _clients;
    private long _coupon;

    public LoadGenerator(Uri baseAddress, IReadOnlyList<string> cards, string apiKey, int clients, string couponPrefix)
    {
        _clients = clients;
        _apiKey = apiKey;
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture);
        _templates = [.. cards.Select((card, i) =>
        {
            var total = (10 + (i % 190)).ToString(CultureInfo.InvariantCulture) + ".90";
            var json = "{\"posNumber\":\"" + (1 + (i % 32)).ToString(CultureInfo.InvariantCulture) + "\",\"couponNumber\":\"" + couponPrefix
                + CouponPlaceholder + "\",\"occurredAt\":\"" + occurredAt + "\",\"customer\":{\"cardNumber\":\"" + card
                + "\"},\"totalAmount\":" + total + ",\"items\":[{\"productCode\":\"7891000100103\",\"quantity\":1,\"unitPrice\":" + total
                + ",\"totalPrice\":" + total + "}],\"payments\":[{\"method\":\"dinheiro\",\"amount\":" + total + "}]}";
            var cut = json.IndexOf(CouponPlaceholder, StringComparison.Ordinal);
            return (Encoding.UTF8.GetBytes(json[..cut]), Encoding.UTF8.GetBytes(json[(cut + CouponPlaceholder.Length)..]));
        })];
    }

    /// <summary>One request, for a sanity check before the load: the status and body.</summary>
    public async Task<(int Status, string Body)> ProbeAsync()
    {
        using var response = await _client.SendAsync(NewRequest(Random.Shared));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<RunResult> RunAsync(TimeSpan duration)
    {
        var latencies = new List<double>[_clients];
        var errors = new Dictionary<string, int>[_clients];
        var stop = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, _clients).Select(i => Task.Run(async () =>
        {
            var mine = latencies[i] = new List<double>(65_536);
            var failed = errors[i] = [];
            var random = new Random(i * 7919 + Environment.TickCount);
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await _client.SendAsync(NewRequest(random));
                    await response.Content.LoadIntoBufferAsync();
                    if (response.IsSuccessStatusCode)
                    {
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        var key = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                        failed[key] = failed.GetValueOrDefault(key) + 1;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    failed[ex.GetType().Name] = failed.GetValueOrDefault(ex.GetType().Name) + 1;
                }
            }
        })).ToArray();
        await Task.WhenAll(loops);
        var elapsed = stop.Elapsed;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        var errorCounts = errors.SelectMany(e => e).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        return new RunResult(all.Length, errorCounts, elapsed, all);
    }

    private HttpRequestMessage NewRequest(Random random)
    {
        var (head, tail) = _templates[random.Next(_templates.Length)];
        var coupon = Encoding.ASCII.GetBytes(Interlocked.Increment(ref _coupon).ToString(CultureInfo.InvariantCulture));
        var body = new byte[head.Length + coupon.Length + tail.Length];
        head.CopyTo(body, 0);
        coupon.CopyTo(body, head.Length);
        tail.CopyTo(body, head.Length + coupon.Length);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/purchases") { Content = content };
        request.Headers.Add("X-Api-Key", _apiKey);
        return request;
    }

    public void Dispose() => _client.Dispose();
}

internal sealed record RunResult(int Succeeded, IReadOnlyDictionary<string, int> Errors, TimeSpan Elapsed, double[] SortedLatencies)
{
    public double RequestsPerSecond => Succeeded / Elapsed.TotalSeconds;

    public int ErrorCount => Errors.Values.Sum();

    public double Percentile(int p) => SortedLatencies.Length == 0 ? double.NaN
        : SortedLatencies[Math.Clamp((int)Math.Ceiling(p / 100.0 * SortedLatencies.Length) - 1, 0, SortedLatencies.Length - 1)];
}
