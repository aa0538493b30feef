using System.Buffers;

namespace IisSsl.Sources;

/// <summary>Bytes read into a buffer from the shared pool; <see cref="Dispose"/> gives the buffer back.</summary>
internal sealed class PooledBytes(byte[] buffer, int length) : IDisposable
{
    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
