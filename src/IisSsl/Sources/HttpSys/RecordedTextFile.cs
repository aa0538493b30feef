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
    /// Hands the decoded text of <paramref name="path"/> to <paramref name="use"/> from pooled buffers: a large
    /// server's output is megabytes, and a fresh string of that size for every read fills the large object heap.
    /// </summary>
    public static T Read<T>(string path, SpanFunc<T> use)
    {
        using var bytes = InputFile.ReadPooled(path, "the saved netsh output");
        var (encoding, preamble) = EncodingOf(bytes.Span);
        var content = bytes.Span[preamble..];
        var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(content.Length));
        try
        {
            return use(chars.AsSpan(0, encoding.GetChars(content, chars)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public delegate T SpanFunc<T>(ReadOnlySpan<char> text);

    /// <summary>The encoding of <paramref name="bytes"/> and the length of its byte order mark.</summary>
    private static (Encoding Encoding, int Preamble) EncodingOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (Encoding.Unicode, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (Encoding.BigEndianUnicode, 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (Encoding.UTF8, 3);
        return (LooksLikeUtf16LittleEndian(bytes) ? Encoding.Unicode : Encoding.UTF8, 0);
    }

    private static bool LooksLikeUtf16LittleEndian(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
            return false;
        var sample = bytes[..Math.Min(bytes.Length, 256)];
        for (var i = 1; i < sample.Length; i += 2)
        {
            if (sample[i] != 0 || sample[i - 1] == 0)
                return false;
        }

        return true;
    }
}
