using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using static IisSsl.Sources.HttpSys.HttpApi.Interop.HttpApi;

namespace IisSsl.Sources.HttpSys.HttpApi;

/// <summary>SOCKADDR_IN / SOCKADDR_IN6 as Windows lays them out (port in network byte order, AF_INET6 = 23).</summary>
internal static unsafe class SockaddrCodec
{
    public static SOCKADDR_STORAGE Encode(IPAddress address, int port)
    {
        var storage = default(SOCKADDR_STORAGE);
        var bytes = new Span<byte>(&storage, sizeof(SOCKADDR_STORAGE));
        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, v6 ? AF_INET6 : AF_INET);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[2..], checked((ushort)port));
        if (v6)
        {
            address.TryWriteBytes(bytes.Slice(8, 16), out _);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[24..], (uint)address.ScopeId);
        }
        else
        {
            address.TryWriteBytes(bytes.Slice(4, 4), out _);
        }

        return storage;
    }

    /// <summary>The address and port at <paramref name="sockaddr"/>; reads only as many bytes as its family has.</summary>
    /// <exception cref="InvalidDataException">A family other than AF_INET or AF_INET6.</exception>
    public static (IPAddress Address, int Port) Decode(SOCKADDR_STORAGE* sockaddr)
    {
        var head = new ReadOnlySpan<byte>(sockaddr, 8);
        var family = BinaryPrimitives.ReadUInt16LittleEndian(head);
        var port = BinaryPrimitives.ReadUInt16BigEndian(head[2..]);
        switch (family)
        {
            case AF_INET:
                return (new IPAddress(new ReadOnlySpan<byte>((byte*)sockaddr + 4, 4)), port);
            case AF_INET6:
                var scope = BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>((byte*)sockaddr + 24, 4));
                return (new IPAddress(new ReadOnlySpan<byte>((byte*)sockaddr + 8, 16), scope), port);
            default:
                throw new InvalidDataException($"an address of family {family}, which is neither IPv4 (2) nor IPv6 (23)");
        }
    }
}
