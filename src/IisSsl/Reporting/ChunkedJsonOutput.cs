using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IisSsl.Reporting;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose output reaches a <see cref="TextWriter"/> a chunk at a time, so a large
/// report is never held whole (as bytes, then again as one string) before it is written.
/// </summary>
internal sealed class ChunkedJsonOutput : IDisposable
{
    public const int DefaultChunkBytes = 64 * 1024;

    private readonly TextWriter _output;
    private readonly int _chunkBytes;
    private readonly ArrayBufferWriter<byte> _pending;
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly char[] _chars = new char[4096];

    public ChunkedJsonOutput(TextWriter output, JsonWriterOptions options, int chunkBytes = DefaultChunkBytes)
    {
        _output = output;
        _chunkBytes = chunkBytes;
        _pending = new ArrayBufferWriter<byte>(2 * Math.Clamp(chunkBytes, 256, DefaultChunkBytes));
        Json = new Utf8JsonWriter(_pending, options);
    }

    public Utf8JsonWriter Json { get; }

    /// <summary>Hands what has been written to the text writer once at least a chunk of it is waiting.</summary>
    public void WriteOutIfFull()
    {
        if (Json.BytesPending + _pending.WrittenCount >= _chunkBytes)
            WriteOut();
    }

    /// <summary>Hands everything written so far to the text writer.</summary>
    public void WriteOut()
    {
        Json.Flush();
        var bytes = _pending.WrittenSpan;
        while (!bytes.IsEmpty)
        {
            _utf8.Convert(bytes, _chars, flush: false, out var bytesUsed, out var charsUsed, out _);
            _output.Write(_chars.AsSpan(0, charsUsed));
            bytes = bytes[bytesUsed..];
        }

        _pending.ResetWrittenCount();
    }

    public void Dispose() => Json.Dispose();
}
