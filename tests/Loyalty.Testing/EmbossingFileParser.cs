using System.Text;
using Loyalty.Web.Infrastructure.Documents.Embossing;

namespace Loyalty.Testing;

/// <summary>One line of an embosser file, read back field by field (raw, padding included).</summary>
public sealed record ParsedRecord(char Type, string Line, IReadOnlyDictionary<FieldSource, string> Fields)
{
    public string this[FieldSource source] => Fields[source];

    public string Trimmed(FieldSource source) => Fields[source].Trim();
}

/// <summary>
/// Reads an embosser file back by the same <see cref="EmbosserLayout"/> the writer used: checks the encoding, the CRLF
/// ends and every line's width, and slices each field at its offset. It never trusts the writer's own code.
/// </summary>
public static class EmbossingFileParser
{
    public static IReadOnlyList<ParsedRecord> Parse(byte[] bytes, EmbosserLayout layout)
    {
        var text = Encoding.Latin1.GetString(bytes);
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            throw new FormatException("The file does not end with CRLF.");
        }
        var lines = text[..^2].Split("\r\n");
        var records = new List<ParsedRecord>(lines.Length);
        foreach (var line in lines)
        {
            if (line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal))
            {
                throw new FormatException("A line end that is not CRLF.");
            }
            var record = line.Length == 0 ? null : new[] { layout.Header, layout.Detail, layout.Trailer }.FirstOrDefault(r => r.Type == line[0]);
            if (record is null || line.Length != record.Width)
            {
                throw new FormatException($"Line of unknown type or width {line.Length}: '{line}'.");
            }
            var fields = new Dictionary<FieldSource, string>();
            var offset = 1;
            foreach (var field in record.Fields)
            {
                fields[field.Source] = line.Substring(offset, field.Width);
                offset += field.Width;
            }
            records.Add(new ParsedRecord(record.Type, line, fields));
        }
        return records;
    }
}
