using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IisSsl.Reporting;

/// <summary>
/// A <see cref="Utf8JsonWriter"/> whose output reaches a <see cref="TextWriter"/> a chunk at a time, so a large
/// report is never held whole (as bytes, then again as one string) before it is written. When the writer is a
/// UTF-8 <see cref="StreamWriter"/> (the CLI's standard output), the bytes go straight to its stream instead of
/// being decoded to text and encoded back.
/// </summary>
internal sealed class ChunkedJsonOutput : IDisposable
{
    public const int DefaultChunkBytes = 64 * 1024;

    private readonly TextWriter _output;
    private readonly StreamWriter? _utf8Stream;
    private readonly int _chunkBytes;
    private readonly ArrayBufferWriter<byte> _pending;
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly char[] _chars = new char[4096];

    public ChunkedJsonOutput(TextWriter output, JsonWriterOptions options, int chunkBytes = DefaultChunkBytes)
    {
        _output = output;
        _utf8Stream = output is StreamWriter { Encoding.CodePage: 65001 } writer ? writer : null;
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
        if (_utf8Stream is not null)
            WriteBytes(_utf8Stream, _pending.WrittenSpan);
        else
            WriteText(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
    }

    private static void WriteBytes(StreamWriter writer, ReadOnlySpan<byte> utf8)
    {
        writer.Flush(); // what was written before, and the encoding's preamble if the stream wants one
        writer.BaseStream.Write(utf8);
    }

    private void WriteText(ReadOnlySpan<byte> utf8)
    {
        while (!utf8.IsEmpty)
        {
            _utf8.Convert(utf8, _chars, flush: false, out var bytesUsed, out var charsUsed, out _);
            _output.Write(_chars.AsSpan(0, charsUsed));
            utf8 = utf8[bytesUsed..];
        }
    }

    public void Dispose() => Json.Dispose();
}
