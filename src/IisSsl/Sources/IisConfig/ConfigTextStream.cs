using System.Text;

namespace IisSsl.Sources.IisConfig;

/// <summary>
/// The text of a config file read from its bytes a buffer at a time, with the encoding <see cref="ConfigText"/>
/// would choose and the same strict decoding, so a large file is never held as one string.
/// </summary>
internal static class ConfigTextStream
{
    // Small enough that the reader's buffers stay off the large object heap (its char buffer is twice this in bytes).
    private const int BufferSize = 16 * 1024;

    /// <summary>A reader over the text of <paramref name="bytes"/> (seekable, read from the start); it leaves the stream open.</summary>
    /// <exception cref="InvalidInputException">The XML declaration names an unknown encoding.</exception>
    public static StreamReader Open(Stream bytes, string file, out Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var (detected, preambleLength) = ConfigText.DetectEncoding(ReadHead(bytes), file);
        bytes.Position = preambleLength;
        encoding = detected;
        return new StreamReader(bytes, detected, detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true);
    }

    /// <summary>The whole text, decoded as <see cref="ConfigText.Decode"/> does; for error messages only.</summary>
    /// <exception cref="InvalidInputException">The bytes are not valid text in the file's encoding.</exception>
    public static string ReadAll(Stream bytes, string file)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        bytes.Position = 0;
        using var all = new MemoryStream();
        bytes.CopyTo(all);
        return ConfigText.Decode(all.ToArray(), file).Text;
    }

    private static byte[] ReadHead(Stream bytes)
    {
        var head = new byte[512];
        var length = 0;
        while (!ConfigText.IsEnoughToDetectEncoding(head.AsSpan(0, length)))
        {
            if (length == head.Length)
                Array.Resize(ref head, head.Length * 2);
            var read = bytes.Read(head, length, head.Length - length);
            if (read == 0)
                break;
            length += read;
        }

        return head[..length];
    }
}
