using System.Globalization;
using System.Text;

namespace Loyalty.Web.Infrastructure.Documents.Embossing;

/// <summary>What the header of a batch's file says. <paramref name="GeneratedAt"/> is the tenant's wall-clock time.</summary>
public sealed record EmbossingFileHeader(long BatchNumber, DateTime GeneratedAt, string TenantCode, int RecordCount);

/// <summary>One card as the embosser receives it.</summary>
public sealed record EmbossedCard(string CardNumber, string Name, DateOnly ExpiresOn, string Document, string? StoreCode,
    string? AgreementCompany);

/// <summary>
/// Writes a batch's embosser file by its <see cref="EmbosserLayout"/>: ISO-8859-1, CRLF, every field at its fixed width
/// (a long value is cut, never shifting the columns). Lines go through a small buffer into the output as they are
/// written, so a batch of any size takes the same memory.
/// </summary>
public sealed class EmbossingFileWriter(EmbosserLayout layout, Stream output) : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;
    private static readonly Encoding Latin1 = Encoding.Latin1;

    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly char[] _line = new char[Math.Max(layout.Header.Width, Math.Max(layout.Detail.Width, layout.Trailer.Width)) + 2];
    private int _used;
    private int _expected = -1;

    public int CardsWritten { get; private set; }

    /// <summary>Called after each card line; tests use it to fail a generation in the middle of the file.</summary>
    public Action<int>? AfterCard { get; init; }

    public static string FileName(string tenantCode, long batchNumber, DateTime generatedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"EMB_{tenantCode}_{batchNumber:000000}_{generatedAt:yyyyMMddHHmmss}.txt");

    public Task WriteHeaderAsync(EmbossingFileHeader header, CancellationToken cancellationToken)
    {
        if (_expected >= 0)
        {
            throw new InvalidOperationException("The header is written once, first.");
        }
        _expected = header.RecordCount;
        return WriteRecordAsync(layout.Header, source => source switch
        {
            FieldSource.BatchNumber => header.BatchNumber,
            FieldSource.GeneratedAt => header.GeneratedAt,
            FieldSource.TenantCode => header.TenantCode,
            FieldSource.RecordCount => header.RecordCount,
            _ => null,
        }, cancellationToken);
    }

    public async Task WriteCardAsync(EmbossedCard card, CancellationToken cancellationToken)
    {
        if (_expected < 0)
        {
            throw new InvalidOperationException("The header comes before the cards.");
        }
        await WriteRecordAsync(layout.Detail, source => source switch
        {
            FieldSource.CardNumber => card.CardNumber,
            FieldSource.EmbossName => card.Name,
            FieldSource.CardExpiry => card.ExpiresOn.ToDateTime(TimeOnly.MinValue),
            FieldSource.CustomerDocument => card.Document,
            FieldSource.StoreCode => card.StoreCode,
            FieldSource.AgreementCompany => card.AgreementCompany,
            _ => null,
        }, cancellationToken);
        CardsWritten++;
        AfterCard?.Invoke(CardsWritten);
    }

    /// <summary>Closes the file with the trailer; the cards written must be the count the header announced.</summary>
    public async Task WriteTrailerAsync(CancellationToken cancellationToken)
    {
        if (CardsWritten != _expected)
        {
            throw new InvalidOperationException($"The header announced {_expected} cards but {CardsWritten} were written.");
        }
        await WriteRecordAsync(layout.Trailer, source => source == FieldSource.RecordCount ? CardsWritten : null, cancellationToken);
        await FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await FlushAsync(CancellationToken.None);

    private async Task WriteRecordAsync(RecordLayout record, Func<FieldSource, object?> valueOf, CancellationToken cancellationToken)
    {
        var line = _line.AsSpan();
        line[0] = record.Type;
        var position = 1;
        foreach (var field in record.Fields)
        {
            FieldFormatting.Place(field, valueOf(field.Source), line.Slice(position, field.Width));
            position += field.Width;
        }
        line[position++] = '\r';
        line[position++] = '\n';
        if (_used + position > _buffer.Length)
        {
            await FlushAsync(cancellationToken);
        }
        _used += Latin1.GetBytes(_line, 0, position, _buffer, _used);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_used == 0)
        {
            return;
        }
        await output.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken);
        _used = 0;
    }
}
