using System.Buffers.Binary;

namespace Chamber.Workflows.Runtime;

/// <summary>
/// Identifiers for rows written in bulk, in the order they will be written: UUIDv7s that share one
/// random base and count up from it (RFC 9562 §6.2, a counter in the random bits), so that as
/// text they sort as the list they were made for. A database index on them then grows at its end
/// instead of taking each new id at a random page — for 50,000 participants started one after
/// another, and every table that refers to their instances, that is most of the writing.
/// </summary>
public static class OrderedIds
{
    /// <summary><paramref name="count"/> new ids (as <c>Guid.ToString("N")</c>), ascending.</summary>
    public static IReadOnlyList<string> Create(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7().TryWriteBytes(bytes, bigEndian: true, out _);
        // The low 62 bits (after the variant's two) are random: start low enough in them that
        // counting up never carries into the variant, the version or the time.
        const ulong RandomBits = (1UL << 62) - 1;
        var start = (BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]) & RandomBits) >> 1;
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (2UL << 62) | (start + (ulong)i));
            ids[i] = new Guid(bytes, bigEndian: true).ToString("N");
        }

        return ids;
    }
}
