using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace Loyalty.Web.Features.Catalog.Import;

/// <summary>
/// Reads a catalogue CSV as Brazilian systems write it: UTF-8 (with or without BOM) or ISO-8859-1, separated by ';' or ',',
/// with a header row. Both are detected, never asked: bytes that are not valid UTF-8 are ISO-8859-1, and the separator is
/// the one the header row uses most.
/// </summary>
public static class CatalogCsv
{
    public sealed record CsvRow(int Line, string[] Fields);

    public sealed record Layout(Encoding Encoding, char Delimiter, IReadOnlyList<string> Headers);

    private static readonly char[] Delimiters = [';', ',', '\t'];

    public static Encoding DetectEncoding(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Encoding.UTF8.Preamble) || Utf8.IsValid(bytes) ? new UTF8Encoding(false) : Encoding.Latin1;

    /// <summary>The separator the header line uses most, outside quotes; ';' when it has none (a one-column file).</summary>
    public static char DetectDelimiter(string headerLine)
    {
        var counts = new Dictionary<char, int>();
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Delimiters, c) >= 0)
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }
        return counts.Count == 0 ? ';' : counts.MaxBy(kv => kv.Value).Key;
    }

    /// <returns>Null when the file has no header row.</returns>
    public static Layout? ReadLayout(byte[] bytes)
    {
        var encoding = DetectEncoding(bytes);
        var text = encoding.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024));
        var firstLine = text.Split('\n').Select(l => l.TrimEnd('\r').TrimStart('\uFEFF')).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (firstLine is null)
        {
            return null;
        }
        var delimiter = DetectDelimiter(firstLine);
        using var reader = Open(bytes, encoding, delimiter);
        reader.ReadHeader();
        return reader.Headers is { Count: > 0 } headers ? new Layout(encoding, delimiter, [.. headers.Select(h => h.Trim())]) : null;
    }

    /// <summary>The data rows one at a time (the header skipped, blank lines ignored), with their line number in the file.</summary>
    public static IEnumerable<CsvRow> ReadRows(byte[] bytes, Layout layout)
    {
        using var reader = Open(bytes, layout.Encoding, layout.Delimiter);
        while (reader.Read())
        {
            var fields = reader.Current.ToArray();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            yield return new CsvRow((int)reader.LineNumber, fields);
        }
    }

    private static CsvReader Open(byte[] bytes, Encoding encoding, char delimiter)
    {
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            Encoding = encoding is UTF8Encoding ? null : encoding,
        };
        return CsvReader.Create(new MemoryStream(bytes, writable: false), options, leaveOpen: false);
    }
}
