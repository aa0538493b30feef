using System.Buffers.Binary;
using System.Net;

namespace IisSsl.Analysis;

/// <summary>
/// The stable order of endpoints in reports: by port, then address (All Unassigned first, IPv4 before IPv6, by
/// bytes). Works on the display form (<c>*:443</c>, <c>10.0.0.5:443</c>, <c>[::1]:443</c>); text that is not an
/// IP endpoint (a probe target by name) sorts after the addresses of its port, ordinally.
/// </summary>
public sealed class EndpointOrder : IComparer<string?>
{
    public static EndpointOrder Instance { get; } = new();

    public int Compare(string? x, string? y) => SortKey.Of(x).CompareTo(SortKey.Of(y));

    /// <summary>A precomputed key, for sorting many items without parsing on every comparison.</summary>
    /// <remarks>
    /// The address is kept as two big-endian halves (an IPv4 address fits in the low one) rather than a
    /// <see cref="UInt128"/>, whose layout ReadyToRun cannot rely on: every method touching this key, or a class
    /// holding it, would be compiled at run time.
    /// </remarks>
    public readonly record struct SortKey(bool Present, int Port, int Family, ulong AddressHigh, ulong AddressLow, string Text) : IComparable<SortKey>
    {
        public static SortKey Of(string? endpoint)
        {
            if (endpoint is null)
                return new SortKey(false, 0, 0, 0, 0, string.Empty);
            var colon = endpoint.LastIndexOf(':');
            var port = colon > 0 && int.TryParse(endpoint.AsSpan(colon + 1), out var p) ? p : int.MaxValue;
            var host = colon > 0 ? endpoint[..colon] : endpoint;
            if (host == "*")
                return new SortKey(true, port, 0, 0, 0, endpoint);
            if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
            {
                Span<byte> bytes = stackalloc byte[16];
                address.TryWriteBytes(bytes, out var length);
                return length == 16
                    ? new SortKey(true, port, 2, BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), endpoint)
                    : new SortKey(true, port, 1, 0, BinaryPrimitives.ReadUInt32BigEndian(bytes), endpoint);
            }

            return new SortKey(true, port, 3, 0, 0, endpoint);
        }

        public int CompareTo(SortKey other)
        {
            var c = Present.CompareTo(other.Present);
            if (c == 0)
                c = Port.CompareTo(other.Port);
            if (c == 0)
                c = Family.CompareTo(other.Family);
            if (c == 0)
                c = AddressHigh.CompareTo(other.AddressHigh);
            if (c == 0)
                c = AddressLow.CompareTo(other.AddressLow);
            return c != 0 ? c : string.CompareOrdinal(Text, other.Text);
        }
    }
}
