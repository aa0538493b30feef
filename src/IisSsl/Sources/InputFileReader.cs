namespace IisSsl.Sources;

/// <summary>
/// A file the user named, read front to back into the caller's buffer, so a large file never needs a buffer of its
/// own size; a pipe (<c>--sslcert &lt;(ssh host ...)</c>) reads the same way. Failures to open or read it are
/// <see cref="InvalidInputException"/>s worded as <see cref="InputFile"/>'s.
/// </summary>
internal sealed class InputFileReader : IDisposable
{
    private readonly FileStream _file;
    private readonly string _path;
    private readonly string _what;

    private InputFileReader(FileStream file, string path, string what)
    {
        _file = file;
        _path = path;
        _what = what;
    }

    /// <summary>The file's length when it was opened; null for a pipe, which has none before its end.</summary>
    public long? Length { get; private init; }

    public static InputFileReader Open(string path, string what)
    {
        // No buffer of the stream's own: every read goes straight into the caller's.
        var file = InputFile.Guard(path, what, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0));
        try
        {
            return new InputFileReader(file, path, what) { Length = InputFile.Guard(path, what, () => file.CanSeek ? file.Length : (long?)null) };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next bytes into <paramref name="buffer"/>; fills it unless the file ends first.</summary>
    /// <returns>How many bytes were read: fewer than the buffer holds only at the end of the file.</returns>
    public int Fill(Span<byte> buffer)
    {
        try
        {
            return _file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (InputFile.IsReadFailure(e))
        {
            throw InputFile.Refusal(e, _path, _what);
        }
    }

    public void Dispose() => _file.Dispose();
}
