using Microsoft.Win32.SafeHandles;

namespace IisSsl.Sources;

/// <summary>
/// A file the user named, read front to back into the caller's buffer, so a large file never needs a buffer of its
/// own size. Failures to open or read it are <see cref="InvalidInputException"/>s worded as <see cref="InputFile"/>'s.
/// </summary>
internal sealed class InputFileReader : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly string _path;
    private readonly string _what;
    private long _offset;

    private InputFileReader(SafeFileHandle file, string path, string what)
    {
        _file = file;
        _path = path;
        _what = what;
    }

    /// <summary>The file's length when it was opened.</summary>
    public long Length { get; private init; }

    public static InputFileReader Open(string path, string what)
    {
        var file = InputFile.Guard(path, what, () => File.OpenHandle(path));
        try
        {
            return new InputFileReader(file, path, what) { Length = InputFile.Guard(path, what, () => RandomAccess.GetLength(file)) };
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
        var filled = 0;
        while (filled < buffer.Length)
        {
            int read;
            try
            {
                read = RandomAccess.Read(_file, buffer[filled..], _offset);
            }
            catch (Exception e) when (InputFile.IsReadFailure(e))
            {
                throw InputFile.Refusal(e, _path, _what);
            }

            if (read == 0)
                break;
            filled += read;
            _offset += read;
        }

        return filled;
    }

    public void Dispose() => _file.Dispose();
}
