using Loyalty.Web.Infrastructure.Auditing;

namespace Loyalty.Web.Features.Audit;

/// <summary>
/// How the audit log reads one kind of record (SPEC §12): its name on the screens, which record names it, its fields
/// with their screen labels and formats, the fields left out, and the special actions its changes stand for. One of
/// these per audited type, in <see cref="AuditRecordTypes"/>; the views only render what the formatter makes of it.
/// </summary>
public sealed class AuditRecordType
{
    /// <param name="name">The entity type as the log stores it (the interceptor writes the class name).</param>
    /// <param name="label">The resource key of the record type's business name.</param>
    public AuditRecordType(string name, string label)
    {
        Name = name;
        Label = label;
    }

    public string Name { get; }

    public string Label { get; }

    /// <summary>What names the changed record; null when the type alone says it (the program settings).</summary>
    public AuditSubject? Subject { get; init; }

    /// <summary>Shown fields in screen order, by the name the log stores (complex values dotted: "Address.City").</summary>
    public IReadOnlyList<(string Name, AuditField Field)> Fields { get; init; } = [];

    /// <summary>Fields never shown for this type, besides <see cref="AuditRecordTypes.AlwaysHidden"/>.</summary>
    public IReadOnlySet<string> Hidden { get; init; } = new HashSet<string>();

    /// <summary>The resource key of a special action (a lockout, a revocation) the values stand for; null: the plain
    /// created/changed/deleted.</summary>
    public Func<AuditValues, AuditAction, string?> SpecialAction { get; init; } = (_, _) => null;

    public AuditField? Field(string name)
    {
        foreach (var (fieldName, field) in Fields)
        {
            if (fieldName == name)
            {
                return field;
            }
        }
        return null;
    }
}

/// <summary>The record a change is about, named by a lookup of <paramref name="Kind"/>: the changed record itself
/// (<paramref name="IdField"/> null), or the record one of its fields points at (a campaign rule names its campaign).
/// <paramref name="NameField"/> names a record that no longer exists from the values the log kept.</summary>
public sealed record AuditSubject(RecordKind Kind, string? IdField = null, string? NameField = null);

public enum FieldFormat
{
    Text,
    Number,
    Rate,
    Percent,
    Money,
    Date,
    Instant,
    Time,
    YesNo,
    Days,
    Enum,
    Choice,
    Flags,
    Reference,
    References,
    Document,
    CardNumber,
    ClientAddresses,
}

/// <param name="Label">The resource key of the field's label, the one its form uses where there is a form — except where
/// the form's label names a unit the value already shows ("Valor mínimo R$" beside "R$ 100,00").</param>
/// <param name="EnumPrefix">For <see cref="FieldFormat.Enum"/>/<see cref="FieldFormat.Flags"/>: the resource prefix of
/// the values ("AuditParameter."), with the enum type to read numbers with.</param>
/// <param name="Empty">The resource key read for an empty value where empty means something ("Não expiram").</param>
public sealed record AuditField(string Label, FieldFormat Format = FieldFormat.Text, RecordKind? Refers = null,
    Type? EnumType = null, string? EnumPrefix = null, string? Empty = null)
{
    public static AuditField Text(string label) => new(label);

    public static AuditField Number(string label) => new(label, FieldFormat.Number);

    public static AuditField Rate(string label) => new(label, FieldFormat.Rate);

    public static AuditField Percent(string label) => new(label, FieldFormat.Percent);

    public static AuditField Money(string label) => new(label, FieldFormat.Money);

    public static AuditField Date(string label) => new(label, FieldFormat.Date);

    public static AuditField Instant(string label) => new(label, FieldFormat.Instant);

    public static AuditField Time(string label) => new(label, FieldFormat.Time);

    public static AuditField YesNo(string label) => new(label, FieldFormat.YesNo);

    public static AuditField Days(string label, string? empty = null) => new(label, FieldFormat.Days, Empty: empty);

    public static AuditField Enum<T>(string label, string prefix) where T : struct, System.Enum =>
        new(label, FieldFormat.Enum, EnumType: typeof(T), EnumPrefix: prefix);

    /// <summary>Values stored as text (a language, a status written by name), one or several, read by resource.</summary>
    public static AuditField Choice(string label, string prefix) => new(label, FieldFormat.Choice, EnumPrefix: prefix);

    public static AuditField Flags<T>(string label, string prefix) where T : struct, System.Enum =>
        new(label, FieldFormat.Flags, EnumType: typeof(T), EnumPrefix: prefix);

    public static AuditField Ref(string label, RecordKind kind, string? empty = null) =>
        new(label, FieldFormat.Reference, kind, Empty: empty);

    public static AuditField Refs(string label, RecordKind kind, string? empty = null) =>
        new(label, FieldFormat.References, kind, Empty: empty);

    public static AuditField Document(string label) => new(label, FieldFormat.Document);

    public static AuditField CardNumber(string label) => new(label, FieldFormat.CardNumber);
}
