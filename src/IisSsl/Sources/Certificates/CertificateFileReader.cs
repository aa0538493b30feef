namespace IisSsl.Sources.Certificates;

/// <summary>
/// Reads a certificate file only when it is one: a regular file (not a FIFO, which would block forever, nor a device
/// such as <c>/dev/zero</c>, which never ends) of at most <see cref="MaxBytes"/>. Certificate files are kilobytes;
/// the cap is generous and named in the message. The file's type is known on Linux (<see cref="UnixFileStatus"/>);
/// elsewhere the size cap still bounds what is read.
/// </summary>
internal static class CertificateFileReader
{
    public const int MaxBytes = 1024 * 1024;

    public const string MaxSizeText = "1 MiB";

    /// <summary>Why <paramref name="path"/> is not read, or null when it may be.</summary>
    public static string? Refusal(string path)
    {
        var status = UnixFileStatus.TryGet(path);
        if (status is { Kind: not UnixFileKind.Regular })
            return $"is not a regular file (a {Describe(status.Value.Kind)}), so it was not read";
        var length = status?.Size ?? new FileInfo(path).Length;
        return length > MaxBytes ? $"is {length} bytes, larger than the {MaxSizeText} a certificate file may be, so it was not read" : null;
    }

    /// <summary>The file's bytes, or null (with <paramref name="skipped"/> saying why) when it is not a certificate file to read.</summary>
    public static byte[]? TryRead(string path, out string? skipped)
    {
        skipped = Refusal(path);
        if (skipped is not null)
            return null;
        (var bytes, skipped) = InputFile.Guard(path, "the certificate file", () => ReadWhole(path));
        return bytes;
    }

    private static (byte[]? Bytes, string? Skipped) ReadWhole(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        // Sized to the file, so the common case returns the buffer itself: a copy of every file doubled what a
        // 1,000-certificate folder touched. A file that grows while it is read is refused, one that shrinks is cut.
        var buffer = new byte[Math.Min(MaxBytes, Math.Max(stream.Length, 0))];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read == buffer.Length && stream.ReadByte() >= 0)
            return (null, $"grew past {(buffer.Length == MaxBytes ? MaxSizeText : $"the {buffer.Length} bytes it had when opened")} while it was read, so it was not used");
        return (read == buffer.Length ? buffer : buffer[..read], null);
    }

    /// <summary>The file's bytes; a file that may not be read is bad input.</summary>
    /// <exception cref="InvalidInputException">The file is not a regular file, too large, or unreadable.</exception>
    public static byte[] Read(string path) =>
        TryRead(path, out var skipped) ?? throw new InvalidInputException(skipped!, path);

    private static string Describe(UnixFileKind kind) => kind switch
    {
        UnixFileKind.Fifo => "named pipe (FIFO)",
        UnixFileKind.CharacterDevice => "character device",
        UnixFileKind.BlockDevice => "block device",
        UnixFileKind.Socket => "socket",
        UnixFileKind.Directory => "directory",
        _ => "special file",
    };
}
