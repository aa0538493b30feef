using System.Text;

namespace IisSsl.Sources.HttpSys;

/// <summary>
/// Reads a saved command output whose encoding depends on how it was captured: Windows PowerShell's
/// <c>&gt;</c> writes UTF-16 LE with a BOM, PowerShell 7 and cmd write UTF-8 or ASCII. Decided by the BOM;
/// a BOM-less file that looks like UTF-16 LE (a zero in every second byte) is read as UTF-16 LE too.
/// </summary>
internal static class RecordedTextFile
{
    public static string Read(string path) => Decode(InputFile.ReadAllBytes(path, "the saved netsh output"));

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Encoding.UTF8.GetString(bytes[3..]);
        if (LooksLikeUtf16LittleEndian(bytes))
            return Encoding.Unicode.GetString(bytes);
        return Encoding.UTF8.GetString(bytes);
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
