using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Domain.DailyClose;

/// <summary>
/// What one step of a close did: its stable key (names and summaries are resources, shown in the reader's language),
/// whether it finished, how long it took, and its summary as a resource key with the counts it reports.
/// </summary>
public sealed record DailyCloseStep(
    string Key, bool Succeeded, long DurationMs, DateTimeOffset FinishedAt, string? SummaryKey, IReadOnlyList<long> Counts,
    string? Error)
{
    public static DailyCloseStep Done(string key, long durationMs, DateTimeOffset finishedAt, string summaryKey, IReadOnlyList<long> counts) =>
        new(key, true, durationMs, finishedAt, summaryKey, counts, null);

    public static DailyCloseStep Failed(string key, long durationMs, DateTimeOffset finishedAt, string error) =>
        new(key, false, durationMs, finishedAt, null, [], error.Length > 2000 ? error[..2000] : error);
}

/// <summary>The steps of a run as stored in its JSON column (so a new step needs no schema change).</summary>
internal static class DailyCloseStepsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    // Runs closed before steps had keys stored their pt-BR name; the only step of that release was points expiry.
    private static readonly Dictionary<string, string> LegacyKeys = new(StringComparer.Ordinal)
    {
        ["Expiração de pontos"] = "points-expiry",
    };

    public static List<DailyCloseStep> Read(string json) =>
        (JsonSerializer.Deserialize<List<Stored>>(json, Options) ?? [])
            .Select(s => new DailyCloseStep(
                s.Key ?? LegacyKeys.GetValueOrDefault(s.Name ?? string.Empty, s.Name ?? string.Empty),
                s.Succeeded, s.DurationMs, s.FinishedAt ?? DateTimeOffset.MinValue, s.SummaryKey, s.Counts ?? [], s.Error ?? s.Summary))
            .ToList();

    public static string Write(IEnumerable<DailyCloseStep> steps) =>
        JsonSerializer.Serialize(steps.Select(s => new Stored
        {
            Key = s.Key, Succeeded = s.Succeeded, DurationMs = s.DurationMs, FinishedAt = s.FinishedAt, SummaryKey = s.SummaryKey,
            Counts = [.. s.Counts], Error = s.Error,
        }), Options);

    private sealed class Stored
    {
        public string? Key { get; set; }
        public bool Succeeded { get; set; }
        public long DurationMs { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public string? SummaryKey { get; set; }
        public List<long>? Counts { get; set; }
        public string? Error { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Name { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Summary { get; set; }
    }
}
