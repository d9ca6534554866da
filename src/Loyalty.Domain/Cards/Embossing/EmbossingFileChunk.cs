using Loyalty.Domain.Common;

namespace Loyalty.Domain.Cards.Embossing;

/// <summary>
/// A piece of a batch's file, in order. The file is stored in pieces so that neither writing it nor downloading it ever
/// holds the whole file in memory, whatever the batch's size.
/// </summary>
public sealed class EmbossingFileChunk : ITenantOwned
{
    public const int Size = 1024 * 1024;

    private EmbossingFileChunk()
    {
        Data = [];
    }

    public Guid TenantId { get; private set; }
    public Guid BatchId { get; private set; }
    public int Sequence { get; private set; }
    public byte[] Data { get; private set; }
}
