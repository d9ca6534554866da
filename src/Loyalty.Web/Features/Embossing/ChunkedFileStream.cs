using Loyalty.Domain.Cards.Embossing;
using Npgsql;
using NpgsqlTypes;

namespace Loyalty.Web.Features.Embossing;

/// <summary>
/// A write-only stream that stores what it is given as the batch's <see cref="EmbossingFileChunk"/>s, one row per
/// <see cref="EmbossingFileChunk.Size"/> bytes, on the generation's own connection and transaction.
/// </summary>
internal sealed class ChunkedFileStream(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, Guid batchId) : Stream
{
    private readonly byte[] _chunk = new byte[EmbossingFileChunk.Size];
    private int _used;
    private int _sequence;

    public long Length64 { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Length64;

    public override long Position
    {
        get => Length64;
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, _chunk.Length - _used);
            buffer[..take].CopyTo(_chunk.AsMemory(_used));
            _used += take;
            Length64 += take;
            buffer = buffer[take..];
            if (_used == _chunk.Length)
            {
                await StoreAsync(cancellationToken);
            }
        }
    }

    /// <summary>Stores the last, partial chunk.</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_used > 0)
        {
            await StoreAsync(cancellationToken);
        }
    }

    private async Task StoreAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO embossing_file_chunks (tenant_id, batch_id, sequence, data) VALUES (@tenant, @batch, @sequence, @data)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter("batch", NpgsqlDbType.Uuid) { Value = batchId });
        command.Parameters.Add(new NpgsqlParameter("sequence", NpgsqlDbType.Integer) { Value = _sequence++ });
        command.Parameters.Add(new NpgsqlParameter("data", NpgsqlDbType.Bytea) { Value = new ArraySegment<byte>(_chunk, 0, _used) });
        await command.ExecuteNonQueryAsync(cancellationToken);
        _used = 0;
    }

    public override void Flush() => throw new NotSupportedException("Flush asynchronously.");
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Write asynchronously.");
}
