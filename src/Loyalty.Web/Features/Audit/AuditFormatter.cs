using System.Globalization;
using System.Text.Json;
using Loyalty.Domain.Cards;
using Loyalty.Domain.Customers;
using Loyalty.Web.Infrastructure.Auditing;
using Loyalty.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Loyalty.Web.Features.Audit;

/// <summary>An audit entry as read from the table, before anything is made of it.</summary>
public sealed record AuditEntryRow(long Id, DateTimeOffset OccurredAt, Guid? UserId, string Actor, string EntityType, string EntityId,
    AuditAction Action, string? Before, string? After);

/// <summary>One field of a change, as the screens show it; null is an empty value.</summary>
public sealed record FieldChange(string Label, string? Before, string? After);

/// <summary>A change as the business reads it: when, who, what record, which action, and its fields.</summary>
public sealed record AuditChange(long Id, string When, string Who, string Type, RecordName? Subject, string Action, AuditAction Kind,
    IReadOnlyList<FieldChange> Fields);

/// <summary>
/// Turns audit entries into <see cref="AuditChange"/>s with the record types of <see cref="AuditRecordTypes"/>: labels
/// from resources, values formatted as the screens do (instants in the tenant's zone, R$ money, grouped numbers), ids of
/// other records replaced by their names, bookkeeping left out. Names come from a <see cref="NameBook"/> filled for the
/// whole page beforehand (<see cref="Wanted"/>), so formatting never queries.
/// </summary>
public sealed class AuditFormatter(IStringLocalizer l, TimeZoneInfo zone, NameBook names)
{
    /// <summary>The records a page of entries needs named: the people, the records changed, the records they point at.</summary>
    public static IEnumerable<(RecordKind Kind, string Id)> Wanted(AuditEntryRow entry)
    {
        if (entry.UserId is { } user)
        {
            yield return (RecordKind.User, user.ToString());
        }
        var type = AuditRecordTypes.Find(entry.EntityType);
        var values = AuditValues.Read(entry.Before, entry.After);
        if (type.Subject is { } subject && SubjectId(subject, entry, values) is { } id)
        {
            yield return (subject.Kind, id);
        }
        foreach (var name in values.Names)
        {
            if (type.Field(name) is { Refers: { } kind })
            {
                foreach (var side in new[] { values.Before, values.After })
                {
                    if (side.TryGetValue(name, out var value))
                    {
                        foreach (var referenced in Ids(value))
                        {
                            yield return (kind, referenced);
                        }
                    }
                }
            }
        }
    }

    public AuditChange Format(AuditEntryRow entry)
    {
        var type = AuditRecordTypes.Find(entry.EntityType);
        var values = AuditValues.Read(entry.Before, entry.After);
        var who = entry.UserId is { } user ? names.Find(RecordKind.User, user.ToString())?.Name ?? entry.Actor : l["Statement.System"].Value;
        return new AuditChange(entry.Id, Instant(entry.OccurredAt), who, l[type.Label], Subject(type, entry, values),
            l[type.SpecialAction(values, entry.Action) ?? $"Audit.{entry.Action}"], entry.Action, Fields(type, entry.Action, values));
    }

    private List<FieldChange> Fields(AuditRecordType type, AuditAction action, AuditValues values)
    {
        var shown = values.Names.Where(n => !AuditRecordTypes.AlwaysHidden.Contains(n) && !type.Hidden.Contains(n))
            .OrderBy(n => Order(type, n)).ToList();
        var changes = new List<FieldChange>();
        foreach (var name in shown)
        {
            var field = type.Field(name) ?? new AuditField("Audit.Field.Other");
            var before = values.Before.TryGetValue(name, out var b) ? Value(field, b) : null;
            var after = values.After.TryGetValue(name, out var a) ? Value(field, a) : null;
            // A new record lists what it was given, a removed one what it had: empty fields say nothing there.
            if ((action == AuditAction.Created && after is null) || (action == AuditAction.Deleted && before is null))
            {
                continue;
            }
            changes.Add(new FieldChange(l[field.Label], before, after));
        }
        return changes;
    }

    private static int Order(AuditRecordType type, string name)
    {
        for (var i = 0; i < type.Fields.Count; i++)
        {
            if (type.Fields[i].Name == name)
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    private RecordName? Subject(AuditRecordType type, AuditEntryRow entry, AuditValues values)
    {
        if (type.Subject is not { } subject)
        {
            return null;
        }
        if (names.Find(subject.Kind, SubjectId(subject, entry, values)) is { } found)
        {
            return found;
        }
        // Removed since: named by what the log kept of it, without a link.
        return subject.NameField is { } nameField && values.Latest(nameField) is { } kept
            && type.Field(nameField) is { } field && Value(field, kept) is { } name
            ? new RecordName(name, null)
            : null;
    }

    /// <summary>The id of the record that names the change: the entry's own, or the one its <see cref="AuditSubject.IdField"/>
    /// holds; a new rule row is filed as "Campaign:&lt;id&gt;" and carries its campaign there.</summary>
    private static string? SubjectId(AuditSubject subject, AuditEntryRow entry, AuditValues values)
    {
        if (subject.IdField is { } idField && values.Latest(idField) is { ValueKind: JsonValueKind.String } held)
        {
            return held.GetString();
        }
        var colon = entry.EntityId.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? entry.EntityId[(colon + 1)..] : subject.IdField is null ? entry.EntityId : null;
    }

    private static IEnumerable<string> Ids(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };

    /// <summary>A value as the screens write it; null when empty and emptiness means nothing for the field.</summary>
    public string? Value(AuditField field, JsonElement value)
    {
        var text = value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : WrittenOrPlain(field, value);
        return string.IsNullOrEmpty(text) ? field.Empty is { } empty ? l[empty].Value : null : text;
    }

    // An entry older than its field's declaration (a number once logged as text) still reads, as plain text.
    private string? WrittenOrPlain(AuditField field, JsonElement value)
    {
        try
        {
            return Written(field, value);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            return Plain(value);
        }
    }

    private string? Written(AuditField field, JsonElement value) => field.Format switch
    {
        FieldFormat.Number when value.TryGetInt64(out var whole) => DisplayFormat.Number(whole),
        FieldFormat.Number or FieldFormat.Rate => Figure(value.GetDecimal()),
        FieldFormat.Percent => $"{Figure(value.GetDecimal())} %",
        FieldFormat.Money => DisplayFormat.Money(value.GetDecimal()),
        FieldFormat.Date => DisplayFormat.Date(DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture)),
        FieldFormat.Instant => Instant(value.GetDateTimeOffset()),
        FieldFormat.Time => TimeOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture).ToString("HH:mm", CultureInfo.InvariantCulture),
        FieldFormat.YesNo => l[value.GetBoolean() ? "Yes" : "No"],
        FieldFormat.Days => l.Plural("Count.Days", value.GetInt64()),
        FieldFormat.Enum => value.TryGetInt32(out var number)
            ? Enum.GetName(field.EnumType!, number) is { } name ? l[field.EnumPrefix + name] : DisplayFormat.Number(number)
            : l[field.EnumPrefix + value.GetString()],
        FieldFormat.Choice => string.Join(", ", Texts(value).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(t => l[field.EnumPrefix + t].Value)),
        FieldFormat.Flags => string.Join(", ", Enum.GetValues(field.EnumType!).Cast<Enum>()
            .Where(flag => Convert.ToInt64(flag, CultureInfo.InvariantCulture) is var bit && bit != 0 && (value.GetInt64() & bit) == bit)
            .Select(flag => l[field.EnumPrefix + flag].Value)),
        FieldFormat.Reference => Named(field.Refers!.Value, value.GetString()),
        FieldFormat.References => string.Join(", ", Ids(value).Select(id => Named(field.Refers!.Value, id))),
        FieldFormat.Document => Document(value.GetString()),
        FieldFormat.CardNumber => value.GetString() is { } card ? Card.Mask(card) : null,
        FieldFormat.ClientAddresses => string.Join(", ", Texts(value).Select(a => a == "*" ? l["Audit.Field.EveryAddress"].Value : a)),
        _ => Plain(value),
    };

    private string Named(RecordKind kind, string? id) => names.Find(kind, id)?.Name ?? l["Audit.RemovedRecord"];

    private string Instant(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    // Rates and multipliers as their forms show them in the reader's language: "1,5" in pt-BR, "1.5" in en-US.
    private static string Figure(decimal value) => value.ToString("#,##0.##", CultureInfo.CurrentCulture);

    private static string? Document(string? digits) =>
        Cpf.TryParse(digits, out var cpf) ? cpf.Formatted : Cnpj.TryParse(digits, out var cnpj) ? cnpj.Formatted : digits;

    private static IEnumerable<string> Texts(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(v => v.ToString()),
        _ => [value.ToString()],
    };

    // A field no type declares is shown as text, except an id: a reader has no use for one (SPEC §12).
    private string Plain(JsonElement value)
    {
        var text = string.Join(", ", Texts(value));
        return Guid.TryParse(text, out _) ? l["Audit.OtherRecord"] : text;
    }
}
