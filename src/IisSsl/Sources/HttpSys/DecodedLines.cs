using System.Buffers;
using System.Text;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// Decodes text a chunk of bytes at a time and hands on each line as soon as its LF has been decoded; the start of a
/// line that a chunk cuts off waits, in a pooled buffer, for the rest. Only that buffer and one chunk are ever held.
/// </summary>
internal sealed class DecodedLines(Encoding encoding, RecordedTextFile.LineAction onLine) : IDisposable
{
    private readonly Decoder _decoder = encoding.GetDecoder();
    private char[] _chars = [];
    private int _pending;

    /// <summary>Decodes the next <paramref name="bytes"/>; <paramref name="last"/> says they end the text.</summary>
    public void Add(ReadOnlySpan<byte> bytes, bool last)
    {
        Reserve(_pending + encoding.GetMaxCharCount(bytes.Length));
        var end = _pending + _decoder.GetChars(bytes, _chars.AsSpan(_pending), flush: last);
        var lineStart = 0;
        var next = _chars.AsSpan(_pending, end - _pending).IndexOf('\n');
        var at = _pending;
        while (next >= 0)
        {
            var lineEnd = at + next;
            onLine(_chars.AsSpan(lineStart, lineEnd - lineStart));
            lineStart = at = lineEnd + 1;
            next = _chars.AsSpan(at, end - at).IndexOf('\n');
        }

        _pending = end - lineStart;
        _chars.AsSpan(lineStart, _pending).CopyTo(_chars);
    }

    /// <summary>Hands on what follows the last LF (an empty line when the text ends with one, as <c>Split</c> gives it).</summary>
    public void End()
    {
        onLine(_chars.AsSpan(0, _pending));
        _pending = 0;
    }

    public void Dispose()
    {
        if (_chars.Length > 0)
            ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }

    private void Reserve(int length)
    {
        if (length <= _chars.Length)
            return;
        // Grows only for a line longer than a chunk: netsh's lines are short, but nothing stops a file from having one.
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(length, 2 * _chars.Length));
        _chars.AsSpan(0, _pending).CopyTo(larger);
        Dispose();
        _chars = larger;
    }
}
