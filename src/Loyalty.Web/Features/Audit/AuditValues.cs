using System.Text.Json;

namespace Loyalty.Web.Features.Audit;

/// <summary>
/// The values an audit entry kept before and after the change, field by field. This is the one place that reads the
/// stored before/after text: when personal values are encrypted in the log, they are decrypted here.
/// </summary>
public sealed class AuditValues
{
    private AuditValues(Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> after)
    {
        Before = before;
        After = after;
    }

    public IReadOnlyDictionary<string, JsonElement> Before { get; }

    public IReadOnlyDictionary<string, JsonElement> After { get; }

    /// <summary>Every field either side holds, in the order the log wrote them.</summary>
    public IEnumerable<string> Names => Before.Keys.Concat(After.Keys).Distinct();

    public static AuditValues Read(string? before, string? after) => new(Flatten(before), Flatten(after));

    /// <summary>The value after the change, or before it when the change removed the record or left the field alone.</summary>
    public JsonElement? Latest(string name) =>
        After.TryGetValue(name, out var after) ? after : Before.TryGetValue(name, out var before) ? before : null;

    // Nested objects (an import's outcome) become dotted names, as complex properties already are.
    private static Dictionary<string, JsonElement> Flatten(string? json)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            Add(values, string.Empty, document.RootElement);
        }
        return values;
    }

    private static void Add(Dictionary<string, JsonElement> values, string prefix, JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Add(values, name + ".", property.Value);
            }
            else
            {
                values[name] = property.Value.Clone();
            }
        }
    }
}
