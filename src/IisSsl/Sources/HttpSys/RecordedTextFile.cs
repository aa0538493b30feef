using System.Buffers;
using System.Text;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// Reads a saved command output whose encoding depends on how it was captured: Windows PowerShell's
/// <c>&gt;</c> writes UTF-16 LE with a BOM, PowerShell 7 and cmd write UTF-8 or ASCII. Decided by the BOM;
/// a BOM-less file that looks like UTF-16 LE (a zero in every second byte) is read as UTF-16 LE too.
/// </summary>
internal static class RecordedTextFile
{
    /// <summary>
    /// The bytes read and decoded at a time. A 10,000-site server's output is 5 MB: read whole, it took a 5 MB byte
    /// buffer and a 10 MB char buffer, every page of them touched for the first time in a short-lived CLI process. A
    /// larger chunk saves only read calls, and its buffers are fresh pages too (16 KiB: 80 KB of buffers in all).
    /// </summary>
    public const int ChunkBytes = 16 * 1024;

    /// <summary>How much of the start of the file the UTF-16 sniff looks at; the first chunk is at least this long.</summary>
    private const int SniffBytes = 256;

    private const string What = "the saved netsh output";

    public delegate void LineAction(ReadOnlySpan<char> line);

    /// <summary>
    /// Hands the lines of <paramref name="path"/> to <paramref name="onLine"/> in order, as <c>text.Split('\n')</c>
    /// would give them from the whole decoded text (a CR before the LF stays on its line; what follows the last LF,
    /// even nothing, is the last line), reading the file once, <paramref name="chunkBytes"/> at a time.
    /// </summary>
    public static void ReadLines(string path, LineAction onLine, int chunkBytes = ChunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkBytes);
        using var file = InputFileReader.Open(path, What);
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(chunkBytes, SniffBytes));
        try
        {
            var chunk = bytes.AsSpan(0, Math.Max(chunkBytes, SniffBytes));
            var read = file.Fill(chunk);
            var (encoding, preamble) = EncodingOf(chunk[..read], file.Length);
            using var lines = new DecodedLines(encoding, onLine);
            var start = preamble;
            while (true)
            {
                var last = read < chunk.Length;
                lines.Add(chunk[start..read], last);
                if (last)
                    break;
                chunk = bytes.AsSpan(0, chunkBytes);
                read = file.Fill(chunk);
                start = 0;
            }

            lines.End();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// The encoding of a file of <paramref name="length"/> bytes (null: a pipe, whose length is not known before the
    /// end) that starts with <paramref name="start"/>, and the length of its byte order mark.
    /// </summary>
    private static (Encoding Encoding, int Preamble) EncodingOf(ReadOnlySpan<byte> start, long? length)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (Encoding.Unicode, 2);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (Encoding.BigEndianUnicode, 2);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (Encoding.UTF8, 3);
        return (LooksLikeUtf16LittleEndian(start, length) ? Encoding.Unicode : Encoding.UTF8, 0);
    }

    private static bool LooksLikeUtf16LittleEndian(ReadOnlySpan<byte> start, long? length)
    {
        // UTF-16 has an even length; a pipe's is not known up front, and its first bytes decide alone.
        if (start.Length < 4 || length is { } known && known % 2 != 0)
            return false;
        var sample = start[..Math.Min(start.Length, SniffBytes)];
        for (var i = 1; i < sample.Length; i += 2)
        {
            if (sample[i] != 0 || sample[i - 1] == 0)
                return false;
        }

        return true;
    }
}
