using System.Text;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// The decoded text of a config file together with how it was encoded, so an editor can write unchanged bytes back
/// as they were. The encoding comes from the byte order mark, else from the XML declaration, else UTF-8.
/// Decoding is strict: bytes that are not valid in the encoding are refused rather than replaced.
/// </summary>
internal sealed class ConfigText
{
    private ConfigText(byte[] bytes, string text, Encoding encoding, int preambleLength)
    {
        Bytes = bytes;
        Text = text;
        Encoding = encoding;
        PreambleLength = preambleLength;
    }

    public byte[] Bytes { get; }

    public string Text { get; }

    public Encoding Encoding { get; }

    /// <summary>The length in bytes of the byte order mark (0 when the file has none).</summary>
    public int PreambleLength { get; }

    /// <exception cref="InvalidInputException">The bytes are not valid text in the file's encoding, or it names an unknown encoding.</exception>
    public static ConfigText Decode(byte[] bytes, string file)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (encoding, preambleLength) = DetectEncoding(bytes, file);
        try
        {
            return new ConfigText(bytes, encoding.GetString(bytes, preambleLength, bytes.Length - preambleLength), encoding, preambleLength);
        }
        catch (DecoderFallbackException)
        {
            throw NotValidText(encoding, file);
        }
    }

    public static InvalidInputException NotValidText(Encoding encoding, string file) =>
        new($"the file is not valid {encoding.WebName} text", file);

    /// <summary>
    /// Whether <paramref name="head"/>, the first bytes of a file, is enough for <see cref="DetectEncoding"/> to
    /// decide as it would on the whole file: it holds any byte order mark and, after <c>&lt;?xml</c>, the first <c>&gt;</c>.
    /// </summary>
    public static bool IsEnoughToDetectEncoding(ReadOnlySpan<byte> head) =>
        head.Length >= 5 && (!head.StartsWith("<?xml"u8) || head.Contains((byte)'>'));

    /// <summary>
    /// The file's encoding and the length of its byte order mark, from its first bytes (see
    /// <see cref="IsEnoughToDetectEncoding"/>). The encodings carry no preamble of their own: the caller skips
    /// <c>PreambleLength</c> bytes, and a reader must not skip a second mark.
    /// </summary>
    public static (Encoding Encoding, int PreambleLength) DetectEncoding(ReadOnlySpan<byte> b, string file)
    {
        if (StartsWith(b, 0xEF, 0xBB, 0xBF))
            return (Utf8, 3);
        if (StartsWith(b, 0xFF, 0xFE, 0x00, 0x00))
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        if (StartsWith(b, 0x00, 0x00, 0xFE, 0xFF))
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        if (StartsWith(b, 0xFF, 0xFE))
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        if (StartsWith(b, 0xFE, 0xFF))
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        if (StartsWith(b, 0x3C, 0x00, 0x3F, 0x00))
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 0);
        if (StartsWith(b, 0x00, 0x3C, 0x00, 0x3F))
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 0);

        var declared = DeclaredEncoding(b);
        if (declared is null || declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || declared.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase))
        {
            // A "utf-16" declaration over single-byte text (no BOM, no zero bytes) can only be read as UTF-8.
            return (Utf8, 0);
        }

        try
        {
            return (Encoding.GetEncoding(declared, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), 0);
        }
        catch (ArgumentException)
        {
            throw new InvalidInputException($"the XML declaration names an unsupported encoding '{declared}'", file, 1);
        }
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool StartsWith(ReadOnlySpan<byte> bytes, params ReadOnlySpan<byte> prefix) => bytes.StartsWith(prefix);

    /// <summary>The encoding named by an ASCII-compatible <c>&lt;?xml ... encoding="…"?&gt;</c>, or null.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith("<?xml"u8))
            return null;
        var end = bytes.IndexOf((byte)'>');
        if (end < 0)
            return null;
        var declaration = Encoding.ASCII.GetString(bytes[..end]);
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
            return null;
        var rest = declaration[(at + "encoding".Length)..].TrimStart().TrimStart('=').TrimStart();
        if (rest.Length == 0 || (rest[0] != '"' && rest[0] != '\''))
            return null;
        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? null : rest[1..close];
    }
}
