namespace Loyalty.Web.Infrastructure.Documents.Embossing;

/// <summary>How a value sits in its field: left-aligned (text, codes) or right-aligned (counts, zero-padded).</summary>
public enum FieldAlignment
{
    Left,
    Right,
}

/// <summary>How a value is prepared before it is placed: text is upper-cased without accents (what an embosser can
/// print); a count is digits only; a date is formatted with the field's pattern.</summary>
public enum FieldKind
{
    Text,
    Count,
    Date,
}

/// <summary>Where a field's value comes from: the batch (header, trailer) or the card (detail).</summary>
public enum FieldSource
{
    BatchNumber,
    GeneratedAt,
    TenantCode,
    RecordCount,
    CardNumber,
    EmbossName,
    CardExpiry,
    CustomerDocument,
    StoreCode,
    AgreementCompany,
}

/// <summary>One fixed-width field. <paramref name="Format"/> is the date pattern of a <see cref="FieldKind.Date"/>.</summary>
public sealed record LayoutField(FieldSource Source, int Width, FieldAlignment Alignment, char Padding, FieldKind Kind,
    string? Format = null);

/// <summary>One record type: its identifying letter in the first column, then its fields in order.</summary>
public sealed record RecordLayout(char Type, IReadOnlyList<LayoutField> Fields)
{
    public int Width { get; } = 1 + Fields.Sum(f => f.Width);

    /// <summary>Where each field starts on the line (column 0 is the record type).</summary>
    public int OffsetOf(FieldSource source)
    {
        var offset = 1;
        foreach (var field in Fields)
        {
            if (field.Source == source)
            {
                return offset;
            }
            offset += field.Width;
        }
        throw new ArgumentOutOfRangeException(nameof(source), source, "The record has no such field.");
    }
}

/// <summary>
/// An embosser's file layout as data: the writer and the tests' parser both read it, so a second embosser's layout is a
/// new instance of this record, not new code.
/// </summary>
public sealed record EmbosserLayout(string Name, RecordLayout Header, RecordLayout Detail, RecordLayout Trailer)
{
    private const char Space = ' ';
    private const char Zero = '0';

    /// <summary>SPEC §11: the layout of the embosser the tenants use today.</summary>
    public static EmbosserLayout Standard { get; } = new(
        "Padrão",
        new RecordLayout('H',
        [
            new(FieldSource.BatchNumber, 6, FieldAlignment.Right, Zero, FieldKind.Count),
            new(FieldSource.GeneratedAt, 14, FieldAlignment.Left, Space, FieldKind.Date, "yyyyMMddHHmmss"),
            new(FieldSource.TenantCode, 10, FieldAlignment.Left, Space, FieldKind.Text),
            new(FieldSource.RecordCount, 6, FieldAlignment.Right, Zero, FieldKind.Count),
        ]),
        new RecordLayout('D',
        [
            new(FieldSource.CardNumber, 19, FieldAlignment.Left, Space, FieldKind.Text),
            new(FieldSource.EmbossName, 26, FieldAlignment.Left, Space, FieldKind.Text),
            new(FieldSource.CardExpiry, 5, FieldAlignment.Left, Space, FieldKind.Date, "MM/yy"),
            new(FieldSource.CustomerDocument, 14, FieldAlignment.Left, Space, FieldKind.Text),
            new(FieldSource.StoreCode, 6, FieldAlignment.Left, Space, FieldKind.Text),
            new(FieldSource.AgreementCompany, 26, FieldAlignment.Left, Space, FieldKind.Text),
        ]),
        new RecordLayout('T',
        [
            new(FieldSource.RecordCount, 6, FieldAlignment.Right, Zero, FieldKind.Count),
        ]));
}
